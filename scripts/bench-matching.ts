import { performance } from 'node:perf_hooks';
import { greedyAssignments, proposeAssignments } from '@/lib/matching';
import { syntheticNeeds, syntheticProjects } from '@/lib/matching/synthetic-data';

/**
 * npm run bench:matching — 100,000 waiting needs × 1,000 projects, generated from a fixed seed.
 * Prints the time of proposeAssignments (first run, then the median of the warm runs), how many needs it
 * assigns, and its total priority against the greedy baseline on the same data. Target: under 2 s.
 */
const needCount = 100_000;
const projectCount = 1_000;
const warmRuns = 5;
const targetMs = 2_000;

function time<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

async function main() {
  const today = new Date('2025-06-30T02:00:00Z');
  const needs = syntheticNeeds(needCount, today);
  const projects = syntheticProjects(projectCount, today);

  const first = time(() => proposeAssignments(needs, projects, today));
  const warm = Array.from({ length: warmRuns }, () => time(() => proposeAssignments(needs, projects, today)).ms);
  const median = [...warm].sort((a, b) => a - b)[Math.floor(warmRuns / 2)];
  const greedy = time(() => greedyAssignments(needs, projects, today));

  const result = first.value;
  const full = result.unassigned.filter((u) => u.why === 'eligible_projects_full').length;
  const none = result.unassigned.length - full;
  const ratio = result.totalPriority / greedy.value.totalPriority;
  const fmt = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

  console.log(`needs × projects        ${needCount.toLocaleString('en')} × ${projectCount.toLocaleString('en')}`);
  console.log(`proposeAssignments      ${fmt(first.ms)} first run, ${fmt(median)} median of ${warmRuns} warm runs`);
  console.log(`greedyAssignments       ${fmt(greedy.ms)}`);
  console.log(
    `assigned                ${result.proposals.length.toLocaleString('en')} (greedy ${greedy.value.proposals.length.toLocaleString('en')})`,
  );
  console.log(`unassigned              ${full.toLocaleString('en')} projects full, ${none.toLocaleString('en')} no eligible project`);
  console.log(`total priority          ${result.totalPriority.toLocaleString('en')} (greedy ${greedy.value.totalPriority.toLocaleString('en')})`);
  console.log(`ratio to greedy         ${ratio.toFixed(4)}`);
  console.log(
    first.ms < targetMs
      ? `target                  met: first run under ${fmt(targetMs)}`
      : `target                  MISSED: first run took ${fmt(first.ms)}, target ${fmt(targetMs)}`,
  );
  if (ratio < 1) {
    console.error('proposeAssignments served less total priority than the greedy baseline: this is a bug.');
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
