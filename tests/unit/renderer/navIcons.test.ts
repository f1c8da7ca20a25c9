// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { NAV_ICONS, routes } from '../../../renderer/src/router'

describe('the menu', () => {
  it('gives every entry an icon of its own (学前教育 and 优质均衡, 公文管理 and 挂牌督导 no longer alike)', () => {
    const nav = routes.filter((r) => r.meta?.nav).map((r) => ({ label: r.meta!.nav as string, icon: r.meta!.icon as string }))
    expect(nav.map((n) => n.label)).toEqual(expect.arrayContaining(['学前教育', '优质均衡', '公文管理', '挂牌督导']))
    for (const n of nav) expect(NAV_ICONS[n.icon], `${n.label}: ${n.icon}`).toBeDefined()
    expect(new Set(nav.map((n) => n.icon)).size).toBe(nav.length)
  })
})
