// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { useRouteYear, yearFromQuery } from '../../../renderer/src/components/routeYear'

describe('the chosen year lives in the route (?year=2024)', () => {
  it('reads a four-digit year from 1949 to 2100, else none', () => {
    expect(yearFromQuery({ year: '2024' })).toBe(2024)
    expect(yearFromQuery({ year: ['2023', '2024'] })).toBe(2023)
    expect(yearFromQuery({})).toBeUndefined()
    expect(yearFromQuery({ year: '24' })).toBeUndefined()
    expect(yearFromQuery({ year: '1900' })).toBeUndefined()
    expect(yearFromQuery({ year: '2024a' })).toBeUndefined()
    expect(yearFromQuery({ year: null })).toBeUndefined()
  })

  it('a choice is a history entry: reload (a fresh router on the same URL) and back keep the year', async () => {
    let api!: ReturnType<typeof useRouteYear>
    const Page = defineComponent({
      setup() {
        const mine = useRouteYear()
        api = mine
        return () => h('span', `year:${mine.routeYear.value ?? '-'}`)
      },
    })
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/preschool', component: Page }] })
    await router.push('/preschool')
    const w = mount(defineComponent({ render: () => h(RouterView) }), { global: { plugins: [router] } })
    await flushPromises()
    expect(w.text()).toBe('year:-')
    api.showYear(2025)
    await flushPromises()
    api.showYear(2024)
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/preschool?year=2024')
    expect(w.text()).toBe('year:2024')

    // a reload starts from the URL
    const reloaded = createRouter({ history: createMemoryHistory(), routes: [{ path: '/preschool', component: Page }] })
    await reloaded.push(router.currentRoute.value.fullPath)
    const w2 = mount(defineComponent({ render: () => h(RouterView) }), { global: { plugins: [reloaded] } })
    await flushPromises()
    expect(w2.text()).toBe('year:2024')

    const first = api
    router.back()
    await new Promise((r) => setTimeout(r, 0))
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/preschool?year=2025')
    expect(w.text()).toBe('year:2025')
    expect(first.yearQuery(2023)).toEqual({ year: '2023' })
    expect(first.yearQuery(undefined)).toEqual({})
  })
})
