/** The matcher: pure functions from needs and projects to suggestions, proposals and their reasons. */
export { eligibility, capacityOf, kindServed } from './eligibility';
export { suggestProjects, scoreProject, scoreWeights } from './score';
export { priorityOf, urgencyPoints, hardshipPointsPerLevel, unassessedHardship, maxNonWaitingPoints } from './priority';
export { beijingDate, beijingMonth, waitingDays } from './dates';
export { queueNeeds } from './order';
export { proposeAssignments, greedyAssignments } from './assign';
export * from './types';
