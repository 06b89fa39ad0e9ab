import {
  Button,
  Heading,
  Hint,
  Input,
  Label,
  toast,
  usePrompt,
} from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import {
  useStartLegacyMigration,
  type StartLegacyMigration,
} from "../../lib/legacy-migration"

/** A mongodb:// URI reads a live server; anything else is a dump folder. */
function sourceOf(value: string): StartLegacyMigration["source"] {
  const trimmed = value.trim()
  return /^mongodb(\+srv)?:\/\//.test(trimmed)
    ? { mongo: trimmed }
    : { dump: trimmed }
}

/** Starts a dry run or a real run of stage 1 from a dump folder or MongoDB. */
export const StartForm = ({
  disabled,
  onStarted,
}: {
  disabled: boolean
  onStarted: (id: string) => void
}) => {
  const [source, setSource] = useState("")
  const start = useStartLegacyMigration()
  const prompt = usePrompt()

  const run = async (dryRun: boolean) => {
    if (!dryRun) {
      const confirmed = await prompt({
        title: "Migrate into MySQL?",
        description:
          "A real run writes the legacy store into the MySQL target. Re-running it later changes nothing that is already there.",
        confirmText: "Migrate",
        cancelText: "Cancel",
      })
      if (!confirmed) {
        return
      }
    }
    start.mutate(
      { source: sourceOf(source), dry_run: dryRun, stage: 1 },
      {
        onSuccess: ({ run }) => {
          toast.success(dryRun ? "Dry run started" : "Migration started")
          onStarted(run.id)
        },
      }
    )
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    void run(true)
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-y-3 px-6 py-4">
      <Heading level="h2">Start a migration</Heading>
      <div className="flex flex-col gap-y-1">
        <Label htmlFor="legacy-source">Legacy store</Label>
        <Input
          id="legacy-source"
          placeholder="/srv/legacy/dump or mongodb://legacy-host/klelite"
          value={source}
          onChange={(event) => setSource(event.target.value)}
        />
        <Hint>
          A mongodump folder on the server (its root or its klelite/ folder), or
          a MongoDB URI. The MySQL target is LEGACY_MYSQL_URL.
        </Hint>
      </div>
      {start.error && (
        <Hint variant="error" role="alert">
          {start.error.message}
        </Hint>
      )}
      <div className="flex gap-x-2">
        <Button
          type="submit"
          size="small"
          variant="secondary"
          disabled={disabled || !source.trim()}
          isLoading={start.isPending && start.variables?.dry_run}
        >
          Dry run
        </Button>
        <Button
          type="button"
          size="small"
          disabled={disabled || !source.trim()}
          isLoading={start.isPending && !start.variables?.dry_run}
          onClick={() => void run(false)}
        >
          Migrate
        </Button>
      </div>
    </form>
  )
}
