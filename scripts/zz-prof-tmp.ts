import { performance } from 'node:perf_hooks';
import { proposeAssignments, greedyAssignments } from '@/lib/matching';
import { syntheticNeeds, syntheticProjects } from '@/lib/matching/synthetic-data';
const today = new Date('2025-06-30T02:00:00Z');
const needs = syntheticNeeds(100000, today);
for (const mult of [1, 3, 6, 12]) {
  const projects = syntheticProjects(1000, today).map(p => ({...p, remainingPlaces: p.remainingPlaces*mult, availableFen: p.availableFen*mult}));
  let t=performance.now(); const r = proposeAssignments(needs, projects, today); const t1=performance.now();
  const g = greedyAssignments(needs, projects, today); const t2=performance.now();
  console.log(mult, (t1-t).toFixed(0), (t2-t1).toFixed(0), r.proposals.length, g.proposals.length, (r.totalPriority/g.totalPriority).toFixed(4));
}
