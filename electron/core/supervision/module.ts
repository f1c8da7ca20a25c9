import { defineModule } from '../module'
import * as service from './supervisionService'

/** 责任督学挂牌督导: 督学 and 责任区, the 年度计划, visits and the 问题台账 (issue 14). */
export const supervisionModule = defineModule({
  name: 'supervision',
  handlers: (ws) => ({
    'supervision.settings': () => service.settings(ws),
    'supervision.saveSettings': (input) => service.saveSettings(ws, input),
    'supervision.items': () => service.items(ws),
    'supervision.saveItems': (input) => service.saveItems(ws, input),
    'supervision.inspectors': ({ year }) => service.inspectors(ws, year),
    'supervision.saveInspector': (input) => service.saveInspector(ws, input),
    'supervision.deleteInspector': ({ id }) => service.deleteInspector(ws, id),
    'supervision.zones': ({ year }) => service.zones(ws, year),
    'supervision.saveZone': (input) => service.saveZone(ws, input),
    'supervision.deleteZone': ({ id }) => service.deleteZone(ws, id),
    'supervision.plan': ({ year }) => service.plan(ws, year),
    'supervision.savePlan': (input) => service.savePlan(ws, input),
    'supervision.visits': (q) => service.visits(ws, q),
    'supervision.visit': ({ id }) => service.visit(ws, id),
    'supervision.saveVisit': (input) => service.saveVisit(ws, input),
    'supervision.deleteVisit': ({ id }) => service.deleteVisit(ws, id),
    'supervision.findingsToLedger': (input) => service.findingsToLedger(ws, input),
    'supervision.ledger': (q) => service.ledger(ws, q),
    'supervision.entry': ({ id }) => service.entry(ws, id),
    'supervision.saveEntry': (input) => service.saveEntry(ws, input),
    'supervision.transition': (input) => service.transition(ws, input),
    'supervision.bulkUpdate': (input) => service.bulkUpdate(ws, input),
    'supervision.deleteEntry': ({ id }) => service.deleteEntry(ws, id),
  }),
  commands: {},
})
