import type { RouteRecordRaw } from 'vue-router'

/** 学前教育: the dashboard (charts load with it, not at start) and a kindergarten's page. */
export const preschoolRoutes: RouteRecordRaw[] = [
  { path: '/preschool', name: 'preschool', component: () => import('./index.vue'), meta: { nav: '学前教育', icon: 'Sunrise' } },
  { path: '/preschool/report/:year(\\d{4})', name: 'preschoolReport', component: () => import('./ReportPage.vue') },
  { path: '/preschool/kindergartens/:id(\\d+)', name: 'kindergarten', component: () => import('./KindergartenPage.vue') },
]
