/**
 * Appends an event to a channel's capped stream and publishes it with the
 * stream id in one step, so Pub/Sub order is history order.
 *
 * KEYS[1] stream key. ARGV: max length, event name, JSON data, Pub/Sub
 * channel, TTL seconds of the stream. Returns the stream id.
 */
export const PUBLISH_SCRIPT = `
local id = redis.call("XADD", KEYS[1], "MAXLEN", "~", ARGV[1], "*",
  "event", ARGV[2], "data", ARGV[3])
redis.call("EXPIRE", KEYS[1], ARGV[5])
redis.call("PUBLISH", ARGV[4],
  cjson.encode({ id = id, event = ARGV[2], data = ARGV[3] }))
return id
`
