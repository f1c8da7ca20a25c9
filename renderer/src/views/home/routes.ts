import type { RouteRecordRaw } from 'vue-router'

/** 首页. */
export const homeRoutes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('./index.vue'), meta: { nav: '首页', icon: 'HomeFilled' } },
]
