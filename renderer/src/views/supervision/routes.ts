import type { RouteRecordRaw } from 'vue-router'

/**
 * 责任督学挂牌督导 (issue 14): one page with tabs (月度看板, 督导记录, 问题台账, 督学与责任区, 年度计划与设置;
 * the tab and the ledger's filters live in the query, so the board links to a filtered ledger), a visit's
 * form, a ledger entry's page, an institution's page and a 督学's page.
 */
export const supervisionRoutes: RouteRecordRaw[] = [
  { path: '/supervision', name: 'supervision', component: () => import('./index.vue'), meta: { nav: '挂牌督导', icon: 'Postcard' } },
  { path: '/supervision/visits/new', name: 'supervisionVisitNew', component: () => import('./VisitForm.vue') },
  { path: '/supervision/visits/:id(\\d+)', name: 'supervisionVisit', component: () => import('./VisitForm.vue') },
  { path: '/supervision/entries/:id(\\d+)', name: 'supervisionEntry', component: () => import('./EntryPage.vue') },
  { path: '/supervision/institutions/:id(\\d+)', name: 'supervisionInstitution', component: () => import('./InstitutionPage.vue') },
  { path: '/supervision/inspectors/:id(\\d+)', name: 'supervisionInspector', component: () => import('./InspectorPage.vue') },
]
