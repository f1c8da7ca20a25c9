import type { RouteRecordRaw } from 'vue-router'

/** 义务教育优质均衡: the year's indicators per school, 差异系数 per 学段, what it takes, the county checklist; a school's page. */
export const balanceRoutes: RouteRecordRaw[] = [
  { path: '/balance', name: 'balance', component: () => import('./index.vue'), meta: { nav: '优质均衡', icon: 'School' } },
  { path: '/balance/schools/:id(\\d+)', name: 'balanceSchool', component: () => import('./SchoolPage.vue') },
]
