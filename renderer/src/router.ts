import { Document, HomeFilled, Postcard, School, Setting, Sunrise } from '@element-plus/icons-vue'
import type { Component } from 'vue'
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

/**
 * The menu's icons, by the name a route's `meta.icon` gives (App.vue draws them): each menu entry its own
 * icon, so no two modules look alike (tests/unit/renderer/navIcons.test.ts).
 */
export const NAV_ICONS: Record<string, Component> = { HomeFilled, Document, Sunrise, School, Postcard, Setting }

export const routes: RouteRecordRaw[] = [...MODULE_ROUTES.flat(), { path: '/:pathMatch(.*)*', redirect: '/' }]

export const router = createRouter({ history: createWebHashHistory(), routes })
