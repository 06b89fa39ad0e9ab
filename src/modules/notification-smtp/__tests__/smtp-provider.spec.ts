import type { ProviderSendNotificationDTO } from "@medusajs/framework/types"
import { renderEmail, type EmailJobInput } from "../../email-queue"
import { SmtpNotificationService } from "../service"
import { startSmtpServer, type TestSmtpServer } from "./smtp-test-server"

jest.setTimeout(30_000)

const job: EmailJobInput = {
  event: "order.placed.order_1",
  to: "camille@example.com",
  template: "order-confirmation",
  data: {
    display_id: 12,
    customer_name: "Camille <b>",
    currency_code: "eur",
    total: 42.5,
    items: [{ title: "Éclair café", quantity: 2 }],
  },
}

function notification(content = renderEmail(job)): ProviderSendNotificationDTO {
  return { to: job.to, channel: "email", template: job.template, content }
}

describe("SMTP notification provider", () => {
  let smtp: TestSmtpServer

  afterEach(async () => {
    await smtp?.close()
  })

  const provider = (url: string, options = {}) =>
    new SmtpNotificationService(
      {},
      { url, from: "Klelite <shop@klelite.local>", ...options }
    )

  it("delivers the rendered email to the recipient with its subject, html and text", async () => {
    smtp = await startSmtpServer()
    const rendered = renderEmail(job)
    const result = await provider(smtp.url).send(notification())

    expect(result.id).toMatch(/^<.+@klelite\.local>$/)
    expect(smtp.received).toHaveLength(1)
    const [email] = smtp.received
    expect(email.to).toEqual(["camille@example.com"])
    expect(email.from).toEqual("shop@klelite.local")
    expect(email.subject).toEqual("Your Klelite order #12 is confirmed")
    expect(email.html).toEqual(rendered.html)
    expect(email.html).toContain("Camille &lt;b&gt;")
    expect(email.html).toContain("Éclair café")
    expect(email.text.trim()).toEqual(rendered.text.trim())
  })

  it("uses the notification's own sender when it has one", async () => {
    smtp = await startSmtpServer()
    await provider(smtp.url).send({
      ...notification(),
      from: "orders@klelite.local",
    })
    expect(smtp.received[0].from).toEqual("orders@klelite.local")
  })

  it("throws with the server's answer when the recipient is refused", async () => {
    smtp = await startSmtpServer({ refuseFirst: 1 })
    const sender = provider(smtp.url)
    await expect(sender.send(notification())).rejects.toThrow(
      /SMTP server 127\.0\.0\.1:\d+ refused the email to camille@example\.com: .*Mailbox busy/
    )
    await sender.send(notification())
    expect(smtp.attempts()).toEqual(2)
    expect(smtp.received).toHaveLength(1)
  })

  it("refuses a notification without rendered content before connecting", async () => {
    smtp = await startSmtpServer()
    await expect(
      provider(smtp.url).send({ ...notification(), content: null })
    ).rejects.toThrow(/has no rendered subject and body/)
    expect(smtp.attempts()).toEqual(0)
  })

  it("verifies the server: ok when it answers, the reason when it does not", async () => {
    smtp = await startSmtpServer()
    expect(await provider(smtp.url).verify()).toEqual({
      ok: true,
      server: `127.0.0.1:${smtp.port}`,
    })
    const { port } = smtp
    await smtp.close()
    const down = await provider(`smtp://127.0.0.1:${port}`, {
      timeoutMs: 2000,
    }).verify()
    expect(down).toMatchObject({ ok: false, server: `127.0.0.1:${port}` })
    expect(down.error).toMatch(/ECONNREFUSED/)
  })

  it("fails at construction on a malformed URL", () => {
    expect(() => provider("smtp//mail.local")).toThrow(
      /SMTP notification provider: "url"/
    )
  })
})
