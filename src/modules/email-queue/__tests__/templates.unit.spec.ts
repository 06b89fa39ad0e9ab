import { EMAIL_TEMPLATES, renderEmail } from "../templates"
import type { EmailJobInput } from "../types"

const jobs: EmailJobInput[] = [
  {
    event: "e",
    to: "a@example.com",
    template: "order-confirmation",
    data: {
      display_id: 7,
      currency_code: "eur",
      total: 12.3,
      items: [{ title: "Éclair <script>", quantity: 1 }],
    },
  },
  {
    event: "e",
    to: "a@example.com",
    template: "order-shipped",
    data: { display_id: 7, tracking_numbers: ["TRK1"] },
  },
  {
    event: "e",
    to: "a@example.com",
    template: "points-earned",
    data: { points: 40, balance: 140, order_display_id: 7 },
  },
  {
    event: "e",
    to: "a@example.com",
    template: "points-expiring",
    data: { points: 90, expires_at: "2027-03-01T00:00:00.000Z" },
  },
  {
    event: "e",
    to: "a@example.com",
    template: "back-in-stock",
    data: { product_title: "Paris-Brest", variant_title: "6 people" },
  },
]

describe("email templates", () => {
  it("renders every template to a subject, HTML and text", () => {
    expect(jobs.map(({ template }) => template).sort()).toEqual(
      [...EMAIL_TEMPLATES].sort()
    )
    for (const job of jobs) {
      const email = renderEmail(job)
      expect(email.subject.length).toBeGreaterThan(5)
      expect(email.html).toContain("<html>")
      expect(email.text).not.toContain("<p>")
    }
  })

  it("escapes customer-controlled text in HTML and formats money", () => {
    const email = renderEmail(jobs[0])
    expect(email.html).toContain("Éclair &lt;script&gt;")
    expect(email.html).not.toContain("<script>")
    expect(email.text).toContain("€12.30")
    expect(renderEmail(jobs[3]).subject).toEqual(
      "90 Klelite points expire on 1 March 2027"
    )
    expect(renderEmail(jobs[4]).subject).toEqual(
      "Paris-Brest (6 people) is back in stock"
    )
  })
})
