import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'

/** One entry per built module; the navigation is drawn from `meta.nav`. */
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('./views/home/index.vue'), meta: { nav: '首页', icon: 'HomeFilled' } },
  { path: '/documents', name: 'documents', component: () => import('./views/documents/list/index.vue'), meta: { nav: '公文管理', icon: 'Document' } },
  { path: '/documents/register', name: 'register', component: () => import('./views/documents/register/index.vue') },
  { path: '/documents/series', name: 'series', component: () => import('./views/documents/series/index.vue') },
  { path: '/documents/:id(\\d+)', name: 'document', component: () => import('./views/documents/editor/index.vue') },
  { path: '/settings', name: 'settings', component: () => import('./views/settings/index.vue'), meta: { nav: '系统设置', icon: 'Setting' } },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

export const router = createRouter({ history: createWebHashHistory(), routes })
