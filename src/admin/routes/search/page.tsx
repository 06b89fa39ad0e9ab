import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowPath, MagnifyingGlass } from "@medusajs/icons"
import { Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useRebuildSearchIndex, useSearchQueries } from "./hooks"
import { QueryTable } from "./query-table"

const PERIODS = [7, 30, 90]

/** Storefront search: what shoppers look for, and a rebuild of the index. */
const SearchPage = () => {
  const [days, setDays] = useState(30)
  const { data, isLoading, error } = useSearchQueries(days)
  const rebuild = useRebuildSearchIndex("product")

  const onRebuild = () =>
    rebuild.mutate(undefined, {
      onSuccess: () =>
        toast.success("Rebuilding the product index", {
          description: "The current index keeps answering until it is done.",
        }),
      onError: (failure) => toast.error(failure.message),
    })

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex items-center justify-between px-6 py-4">
        <Heading level="h1">Search</Heading>
        <div className="flex items-center gap-x-2">
          {PERIODS.map((period) => (
            <Button
              key={period}
              size="small"
              variant={period === days ? "primary" : "secondary"}
              onClick={() => setDays(period)}
            >
              {period} days
            </Button>
          ))}
          <Button
            size="small"
            variant="secondary"
            isLoading={rebuild.isPending}
            onClick={onRebuild}
          >
            <ArrowPath />
            Rebuild product index
          </Button>
        </div>
      </Container>
      {isLoading && <Text className="px-6 py-4">Loading…</Text>}
      {error && (
        <Text className="text-ui-fg-error px-6 py-4">{error.message}</Text>
      )}
      {data && (
        <>
          <Container className="divide-y p-0">
            <Heading level="h2" className="px-6 py-4">
              Top queries
            </Heading>
            <QueryTable rows={data.top_queries} empty="No searches yet." />
          </Container>
          <Container className="divide-y p-0">
            <Heading level="h2" className="px-6 py-4">
              Queries without results
            </Heading>
            <QueryTable
              rows={data.no_result_queries}
              empty="Every search found something."
            />
          </Container>
        </>
      )}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Search",
  icon: MagnifyingGlass,
})

export default SearchPage
