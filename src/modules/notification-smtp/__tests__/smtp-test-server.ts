import { SMTPServer } from "smtp-server"

/** One message as the test server received it, with its parts decoded. */
export type ReceivedEmail = {
  from: string
  to: string[]
  subject: string
  html: string
  text: string
  raw: string
}

export type TestSmtpServer = {
  url: string
  port: number
  received: ReceivedEmail[]
  /** RCPT TO commands seen, refused or not. */
  attempts: () => number
  close: () => Promise<void>
}

/**
 * A real SMTP server on 127.0.0.1 for tests. It refuses the first
 * `refuseFirst` recipients with a temporary 451, then accepts everything.
 */
export async function startSmtpServer({
  port = 0,
  refuseFirst = 0,
} = {}): Promise<TestSmtpServer> {
  const received: ReceivedEmail[] = []
  let attempts = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      attempts += 1
      if (attempts <= refuseFirst) {
        const error = new Error(`Mailbox busy, try later (${attempts})`)
        Object.assign(error, { responseCode: 451 })
        return callback(error)
      }
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on("data", (chunk: Buffer) => chunks.push(chunk))
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8")
        received.push({
          ...parseMessage(raw),
          from: session.envelope.mailFrom
            ? session.envelope.mailFrom.address
            : "",
          to: session.envelope.rcptTo.map(({ address }) => address),
          raw,
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) =>
    server.listen(port, "127.0.0.1", resolve)
  )
  const address = server.server.address()
  const bound = typeof address === "object" && address ? address.port : port
  return {
    url: `smtp://127.0.0.1:${bound}`,
    port: bound,
    received,
    attempts: () => attempts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** Subject and the text/html parts of a MIME message, decoded. */
function parseMessage(raw: string) {
  const [head] = raw.split("\r\n\r\n")
  const subject = /^Subject: (.*)$/m.exec(unfold(head))?.[1] ?? ""
  return {
    subject: decodeWords(subject),
    html: part(raw, "text/html"),
    text: part(raw, "text/plain"),
  }
}

/** The decoded body of one part, with SMTP's CRLF line ends made LF. */
function part(raw: string, type: string): string {
  const start = raw.indexOf(`Content-Type: ${type}`)
  if (start < 0) {
    return ""
  }
  const rest = raw.slice(start)
  const headerEnd = rest.indexOf("\r\n\r\n")
  const headers = rest.slice(0, headerEnd)
  const body = rest.slice(headerEnd + 4).split(/\r\n--/)[0]
  const decoded = /quoted-printable/i.test(headers)
    ? decodeQuotedPrintable(body)
    : /base64/i.test(headers)
      ? Buffer.from(body, "base64").toString("utf8")
      : body
  return decoded.replace(/\r\n/g, "\n")
}

function decodeQuotedPrintable(body: string): string {
  const bytes = body.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/g, "%$1")
  return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/g, "%25"))
}

function decodeWords(value: string): string {
  return value.replace(
    /=\?utf-8\?([QB])\?([^?]*)\?=/gi,
    (_, encoding: string, text: string) =>
      encoding.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeQuotedPrintable(text.replace(/_/g, " "))
  )
}

const unfold = (head: string) => head.replace(/\r\n[ \t]+/g, " ")
