import { computed, type ComputedRef } from 'vue'
import { useRoute, useRouter, type LocationQuery } from 'vue-router'

/**
 * The 统计年度 a page's query names (`?year=2024`): a four-digit year from 1949 to 2100, else undefined
 * (the page then shows its latest year). Pure, for the year-in-the-route pages (学前教育, 优质均衡).
 */
export function yearFromQuery(query: LocationQuery): number | undefined {
  const raw = Array.isArray(query.year) ? query.year[0] : query.year
  if (typeof raw !== 'string' || !/^\d{4}$/.test(raw)) return undefined
  const y = Number(raw)
  return y >= 1949 && y <= 2100 ? y : undefined
}

/**
 * The chosen year kept in the route, so a reload, 返回 and the browser's back keep it: `routeYear` is the
 * query's year (undefined = none chosen), `showYear` pushes another one (a history entry per choice),
 * `yearQuery` is the query to carry on links that lead back to the page.
 */
export function useRouteYear(): {
  routeYear: ComputedRef<number | undefined>
  showYear: (year: number) => void
  yearQuery: (year: number | undefined) => { year?: string }
} {
  const route = useRoute()
  const router = useRouter()
  const routeYear = computed(() => yearFromQuery(route.query))
  const yearQuery = (year: number | undefined) => (year === undefined ? {} : { year: String(year) })
  function showYear(year: number): void {
    if (year !== routeYear.value) void router.push({ path: route.path, query: { ...route.query, ...yearQuery(year) } })
  }
  return { routeYear, showYear, yearQuery }
}
