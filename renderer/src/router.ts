import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { balanceRoutes } from './views/balance/routes'
import { documentsRoutes } from './views/documents/routes'
import { homeRoutes } from './views/home/routes'
import { preschoolRoutes } from './views/preschool/routes'
import { settingsRoutes } from './views/settings/routes'
import { supervisionRoutes } from './views/supervision/routes'

/**
 * The screens of every built module, in menu order: each module's folder exports its routes
 * (`views/<module>/routes.ts`) and adds one line here. The navigation is drawn from `meta.nav`,
 * so a module without a built screen has no menu entry.
 */
const MODULE_ROUTES: RouteRecordRaw[][] = [homeRoutes, documentsRoutes, preschoolRoutes, balanceRoutes, supervisionRoutes, settingsRoutes]

export const routes: RouteRecordRaw[] = [...MODULE_ROUTES.flat(), { path: '/:pathMatch(.*)*', redirect: '/' }]

export const router = createRouter({ history: createWebHashHistory(), routes })
