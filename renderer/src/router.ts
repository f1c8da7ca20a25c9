import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'

/** One entry per built module; the navigation is drawn from `meta.nav`. */
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('./views/home/index.vue'), meta: { nav: '首页', icon: 'HomeFilled' } },
  { path: '/settings', name: 'settings', component: () => import('./views/settings/index.vue'), meta: { nav: '系统设置', icon: 'Setting' } },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

export const router = createRouter({ history: createWebHashHistory(), routes })
