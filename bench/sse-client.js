/**
 * SSE clients for bench/sse.js, run as child processes so the client
 * sockets do not share the server's file-descriptor limit or event loop.
 * `node bench/sse-client.js <port> <connections>` opens plain TCP
 * connections, sends a GET and reads the event stream without an HTTP
 * parser (see `open`): each `data: {"t":...,"seq":...}` line yields the time from
 * publish (`t`) to receipt. Talks to its parent over IPC.
 */
const net = require("net")

const PORT = Number(process.argv[2])
const COUNT = Number(process.argv[3])
const HOST = "127.0.0.1"
const REQUEST = `GET /sse HTTP/1.1\r\nHost: ${HOST}\r\nAccept: text/event-stream\r\n\r\n`
const EVENT = /"t":([\d.]+),"seq":(\d+)/g

const now = () => performance.timeOrigin + performance.now()
const sockets = []
/** Latencies of this round by broadcast sequence number. */
let latencies = new Map()

function record(text) {
  const received = now()
  EVENT.lastIndex = 0
  let match
  while ((match = EVENT.exec(text))) {
    const seq = Number(match[2])
    let list = latencies.get(seq)
    if (!list) {
      list = []
      latencies.set(seq, list)
    }
    list.push(received - Number(match[1]))
  }
}

/**
 * Resolves once the stream's `retry:` hint has arrived. Bytes arrive through
 * `onread` into one buffer shared by every socket of this process, without
 * the stream machinery a `data` listener costs per read: the clients' own
 * reading shares the cores with the server, and it should weigh as little
 * as possible on what is measured.
 */
const READ_BUFFER = Buffer.alloc(64 * 1024)

function open() {
  return new Promise((resolve, reject) => {
    let ready = false
    let tail = ""
    const socket = net.connect({
      port: PORT,
      host: HOST,
      onread: {
        buffer: READ_BUFFER,
        callback: (size, buffer) => {
          const text = tail + buffer.latin1Slice(0, size)
          const end = text.lastIndexOf("\n\n")
          tail = end < 0 ? text : text.slice(end + 2)
          if (end < 0) {
            return
          }
          if (!ready && text.includes("retry:")) {
            ready = true
            resolve(socket)
          }
          record(text.slice(0, end))
        },
      },
    })
    socket.on("connect", () => socket.write(REQUEST))
    socket.on("error", (error) => (ready ? undefined : reject(error)))
  })
}

process.on("message", async (message) => {
  if (message.cmd === "connect") {
    for (let i = 0; i < COUNT; i += 200) {
      const batch = Math.min(200, COUNT - i)
      sockets.push(...(await Promise.all(Array.from({ length: batch }, open))))
    }
    process.send({ connected: sockets.length })
  } else if (message.cmd === "collect") {
    const round = Object.fromEntries(latencies)
    latencies = new Map()
    process.send({ latencies: round })
  } else if (message.cmd === "close") {
    // A reset rather than a FIN: closed the usual way, each client socket
    // would sit in TIME_WAIT for a minute, and the kernel then looks the next
    // mode's packets up among tens of thousands of them.
    sockets.splice(0).forEach((socket) => socket.resetAndDestroy())
    process.send({ closed: true })
    process.exit(0)
  }
})
process.send({ ready: true })
