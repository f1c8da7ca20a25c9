import type { RouteRecordRaw } from 'vue-router'

/** 公文管理: the list, the 发文登记簿, the number series and the composer. */
export const documentsRoutes: RouteRecordRaw[] = [
  { path: '/documents', name: 'documents', component: () => import('./list/index.vue'), meta: { nav: '公文管理', icon: 'Document' } },
  { path: '/documents/register', name: 'register', component: () => import('./register/index.vue') },
  { path: '/documents/series', name: 'series', component: () => import('./series/index.vue') },
  { path: '/documents/:id(\\d+)', name: 'document', component: () => import('./editor/index.vue') },
]
