/** `@ansinh/example-reform-2025`: An Giang across the 1 July 2025 merger, reproducing its published figures. */
export {
  type ReformHistory,
  type ReformOptions,
  reformHistory,
  GROUPS,
  PLAN_2025,
  POPULATION_2025,
  REVENUE_2025,
  REFORM_DAY,
  PERSONAL_ID_DAY,
} from './history.js'
export { type Comparison, type ReformRun, type Reproduced, AS_OF, YEAR_BEFORE, runReform } from './reform.js'
export { type Lang, reformLines, summaryLine } from './print.js'
export { type WorkerTask, workerTask } from './worker-task.js'
export { type ReformSection, type SectionRequest, reformSection, reformSectionInWorker } from './section.js'
