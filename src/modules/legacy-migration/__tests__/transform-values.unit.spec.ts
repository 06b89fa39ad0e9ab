import { Decimal128, ObjectId } from "bson"
import { transformUser } from "../transform/users"
import { MemoryMigratedIndex } from "../transform/references"
import {
  parseDate,
  parseInteger,
  parseMoney,
  parseObjectId,
} from "../transform/values"
import { FIXTURE_PASSWORDS } from "../fixture/passwords"

describe("parseMoney", () => {
  it.each([
    [12.5, 1250, undefined],
    [0.1 + 0.2, 30, undefined],
    ["12.50", 1250, "numericString"],
    [" 7 ", 700, "numericString"],
    ["-3.456", -346, "numericString"],
    ["0.005", 1, "numericString"],
    [Decimal128.fromString("19.99"), 1999, "decimal128"],
  ])("reads %p as %p cents", (value, cents, conversion) => {
    expect(parseMoney(value)).toEqual(
      conversion
        ? { ok: true, value: cents, conversion }
        : { ok: true, value: cents }
    )
  })

  it.each([
    "twelve",
    "N/A",
    "12,50",
    "12.50 €",
    "",
    "1e3",
    NaN,
    Infinity,
    null,
    undefined,
    {},
    Decimal128.fromString("NaN"),
  ])("refuses %p", (value) => {
    expect(parseMoney(value)).toEqual({ ok: false })
  })
})

describe("parseInteger", () => {
  it("reads whole numbers and numeric strings", () => {
    expect(parseInteger(42)).toEqual({ ok: true, value: 42 })
    expect(parseInteger("-7")).toEqual({
      ok: true,
      value: -7,
      conversion: "numericString",
    })
  })

  it.each([4.5, "4.5", "four", "", 2 ** 31, "99999999999"])(
    "refuses %p",
    (value) => {
      expect(parseInteger(value)).toEqual({ ok: false })
    }
  )
})

describe("parseDate", () => {
  it("reads BSON dates, ISO strings and day-first dates (UTC midnight)", () => {
    const date = new Date("2023-12-25T10:15:00.000Z")
    expect(parseDate(date)).toEqual({ ok: true, value: date })
    expect(parseDate("2023-12-25T10:15:00.000Z")).toEqual({
      ok: true,
      value: date,
      conversion: "isoDateString",
    })
    expect(parseDate("25/12/2023")).toEqual({
      ok: true,
      value: new Date("2023-12-25T00:00:00.000Z"),
      conversion: "dmyDateString",
    })
    expect(parseDate("1/2/2024")).toMatchObject({
      value: new Date("2024-02-01T00:00:00.000Z"),
    })
  })

  it.each([
    "31/02/2023",
    "12/25/2023",
    "2023-13-01",
    "yesterday",
    "",
    1703499300000,
    new Date(NaN),
  ])("refuses %p", (value) => {
    expect(parseDate(value)).toEqual({ ok: false })
  })
})

describe("parseObjectId", () => {
  it("reads ObjectIds and their hex strings", () => {
    const id = new ObjectId()
    expect(parseObjectId(id)).toEqual({ ok: true, value: id.toHexString() })
    expect(parseObjectId(id.toHexString().toUpperCase())).toEqual({
      ok: true,
      value: id.toHexString(),
    })
    expect(parseObjectId("not-an-id")).toEqual({ ok: false })
  })
})

describe("transformUser", () => {
  const base = () => ({
    _id: new ObjectId("65bfc42a124a0ce28c00039c"),
    email: "Lea.Martin3@Orange.fr",
    password: FIXTURE_PASSWORDS[1].hash,
    firstName: "Léa",
    loyaltyPoints: "120",
    createdAt: "25/12/2023",
  })

  it("lower-cases the email and converts loose values", () => {
    const result = transformUser(base(), new MemoryMigratedIndex())
    expect(result).toMatchObject({
      ok: true,
      legacyId: "65bfc42a124a0ce28c00039c",
      record: {
        email: "lea.martin3@orange.fr",
        loyaltyPoints: 120,
        createdAt: new Date("2023-12-25T00:00:00Z"),
      },
      conversions: { numericString: 1, dmyDateString: 1 },
    })
  })

  it("reports the first reason in check order when several apply", () => {
    const index = new MemoryMigratedIndex()
    index.add("users", "5d17c947124a0ce28c00003e", "lea.martin3@orange.fr")
    expect(
      transformUser({ ...base(), loyaltyPoints: "lots" }, index)
    ).toMatchObject({
      ok: false,
      reason: "invalid_number",
    })
    expect(transformUser(base(), index)).toMatchObject({
      ok: false,
      reason: "duplicate_email",
    })
    expect(transformUser({ ...base(), password: null }, index)).toMatchObject({
      ok: false,
      reason: "missing_required_field",
      detail: "password is missing",
    })
  })

  it("is no duplicate of itself on a re-run", () => {
    const index = new MemoryMigratedIndex()
    index.add("users", "65bfc42a124a0ce28c00039c", "lea.martin3@orange.fr")
    expect(transformUser(base(), index).ok).toBe(true)
  })

  it("refuses a password that is not a bcrypt hash", () => {
    expect(
      transformUser(
        { ...base(), password: "hunter2" },
        new MemoryMigratedIndex()
      )
    ).toMatchObject({
      ok: false,
      reason: "invalid_value",
    })
  })
})
