import { medusaIntegrationTestRunner } from "@medusajs/test-utils"

// Starting the app alone can take over a minute on a busy machine.
jest.setTimeout(3 * 60 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api }) => {
    describe("GET /health", () => {
      it("answers OK", async () => {
        const response = await api.get("/health")
        expect(response.status).toEqual(200)
        expect(response.data).toEqual("OK")
      })
    })
  },
})
