export { default as SearchQueryStat } from "./search-query-stat"
