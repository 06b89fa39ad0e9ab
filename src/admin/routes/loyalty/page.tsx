import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowDownTray, Sparkles } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { LiabilitySummary } from "../../components/loyalty/liability-summary"
import { SettingsForm } from "../../components/loyalty/settings-form"
import { LEDGER_EXPORT_URL, useLoyaltySettings } from "../../lib/loyalty"

/** The loyalty programme: its settings, the points liability, the ledger. */
const LoyaltyPage = () => {
  const { data, isLoading, error } = useLoyaltySettings()

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <Heading level="h1">Loyalty</Heading>
          <a
            href={LEDGER_EXPORT_URL}
            download
            className="txt-compact-small-plus text-ui-fg-interactive flex items-center gap-x-1"
          >
            <ArrowDownTray />
            Download ledger CSV
          </a>
        </div>
        <div className="px-6 py-4">
          <LiabilitySummary />
        </div>
      </Container>
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">Programme settings</Heading>
        </div>
        {isLoading && <Text className="px-6 py-4">Loading…</Text>}
        {error && (
          <Text className="text-ui-fg-error px-6 py-4">{error.message}</Text>
        )}
        {data && <SettingsForm settings={data.settings} />}
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Loyalty",
  icon: Sparkles,
})

export default LoyaltyPage
