import type { RouteRecordRaw } from 'vue-router'

/** 系统设置. */
export const settingsRoutes: RouteRecordRaw[] = [
  { path: '/settings', name: 'settings', component: () => import('./index.vue'), meta: { nav: '系统设置', icon: 'Setting' } },
]
