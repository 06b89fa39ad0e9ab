import { SmtpNotificationService } from "../service"
import { resolveSmtpOptions } from "../utils/options"

describe("SMTP provider options", () => {
  it("accepts smtp:// and smtps:// URLs and hides credentials from the server name", () => {
    expect(resolveSmtpOptions({ url: "smtp://u:p@mail.local:2525" })).toEqual(
      expect.objectContaining({ server: "mail.local:2525", timeoutMs: 10_000 })
    )
    expect(
      resolveSmtpOptions({ url: "smtps://u:p@mail.local" }).server
    ).toEqual("mail.local:465")
  })

  it.each([
    [undefined, /"url" is required/],
    ["mail.local:25", /must start with smtp:\/\/ or smtps:\/\//],
    ["http://mail.local", /must start with smtp:\/\/ or smtps:\/\/, got http:/],
    ["smtp://", /not a URL|has no host/],
    ["not a url", /not a URL/],
  ])(
    "refuses SMTP_URL %p with a message naming the problem",
    (url, message) => {
      expect(() => resolveSmtpOptions({ url })).toThrow(message)
      expect(() => SmtpNotificationService.validateOptions({ url })).toThrow(
        /^SMTP notification provider: /
      )
    }
  )

  it("refuses an empty sender and a bad timeout", () => {
    const url = "smtp://mail.local"
    expect(() => resolveSmtpOptions({ url, from: " " })).toThrow(/"from"/)
    expect(() => resolveSmtpOptions({ url, timeoutMs: 0 })).toThrow(/timeoutMs/)
  })
})
