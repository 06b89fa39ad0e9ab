import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { handlesOf as handles, searchSuite } from "../utils/search-suite"

jest.setTimeout(10 * 60 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const suite = searchSuite({ api, getContainer })

    const search = (
      q: string,
      searchOptions: Record<string, unknown> = {},
      extra: Record<string, unknown> = {}
    ) =>
      suite.search({
        filters: { q },
        pagination: { take: 50 },
        search_options: searchOptions,
        ...extra,
      })

    it("corrects a misspelt word through the vocabulary", async () => {
      const exact = await search("croisant")
      expect(exact.hits).toEqual([])

      const tolerant = await search("croisant", { typo_tolerance: true })
      expect(handles(tolerant)[0]).toMatch(/^croissant-/)
      expect(handles(tolerant)).toEqual(
        expect.arrayContaining(["croissant-au-beurre", "croissant-aux-amandes"])
      )
    })

    it("ranks the intended product first for a partly misspelt query", async () => {
      const result = await search("macaron pistchio", { typo_tolerance: true })
      expect(handles(result)[0]).toEqual("macaron-pistache")
    })

    it("completes a prefix", async () => {
      const result = await search("choc", {
        typo_tolerance: true,
        match_strategy: "last",
      })
      expect(handles(result)).toEqual(
        expect.arrayContaining([
          "pain-au-chocolat",
          "macaron-chocolat-grand-cru",
          "royal-chocolat",
        ])
      )
    })

    it("ranks exact matches above corrected ones", async () => {
      const result = await search("citron pistchio", {
        typo_tolerance: true,
        match_strategy: "any",
        include_score: true,
      })
      const citron = handles(result).indexOf("tarte-au-citron-meringuee")
      const pistache = handles(result).indexOf("macaron-pistache")
      expect(citron).toBeGreaterThanOrEqual(0)
      expect(pistache).toBeGreaterThan(citron)
    })

    it("expands synonyms and folds accents", async () => {
      expect(handles(await search("gâteau"))).toEqual(
        expect.arrayContaining(["fraisier", "opera"])
      )
      expect(handles(await search("buche"))).toEqual(
        expect.arrayContaining(["buche-de-noel-praline"])
      )
      expect(handles(await search("opera"))[0]).toEqual("opera")

      const gf = handles(await search("gf"))
      const glutenFree = handles(
        await suite.search({
          filters: { dietary: "gluten-free" },
          pagination: { take: 100 },
        })
      )
      expect(glutenFree.length).toBeGreaterThan(0)
      expect(gf).toEqual(expect.arrayContaining(glutenFree))
    })

    it("highlights the matched words", async () => {
      const result = await search("croisant", {
        typo_tolerance: true,
        highlight: { fields: ["title", "description"] },
      })
      expect(result.hits[0].highlights?.title).toEqual([
        expect.stringContaining("<mark>Croissant</mark>"),
      ])
    })
  },
})
