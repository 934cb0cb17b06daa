import { randomUUID } from 'node:crypto';
import { getTableName } from 'drizzle-orm';
import postgres from 'postgres';
import {
  disbursementCategoryTotals,
  donorGiftCounts,
  fundDonationTotals,
  ledgerAccountTotals,
  ledgerMonthlyTotals,
  needServiceCounts,
  needTotals,
  projectCaseTotals,
  summaryCounters,
} from '@/db/schema';
import { accountCodes, fundFor, kindOfCode } from '@/lib/ledger/accounts';
import { genesisHash, hashEntry } from '@/lib/ledger/hash';
import { newTrackingCode } from '@/lib/needs/code';
import { sealNeedPii } from '@/lib/needs/pii';
import { jiangbeiAreas } from '@/lib/places';
import { bulkInsert, progress } from './bulk';
import { givenNames, needStories, serviceTypes, surnames, villages } from './people-data';
import { seedProjects } from './projects-data';
import { createRandom } from './random';

const day = 24 * 3600 * 1000;

/**
 * Adds N times the programme's published size on top of the demo data: 750·N valid needs (and the usual
 * share of others) with their events and services adding up to 5,000·N person-times, about 14,000·N gifts
 * adding up to exactly ¥1,300,000·N, each posted to the ledger with its hash-chained entry and FIFO inflow,
 * and 10·N projects. Deterministic for a given N. Loads with `unnest` batches.
 */
export async function seedScale(url: string, scale: number, now = new Date()) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const rnd = createRandom(20261127 + scale);
  try {
    const staff = await sql<{ id: string }[]>`select id from users where role = 'social_worker' order by email`;
    const projectIds = await addProjects(sql, rnd, scale);
    await addNeeds(sql, rnd, scale, now, projectIds, staff.map((s) => s.id));
    await addGifts(sql, rnd, scale, now, projectIds);
    await compactSummaries(sql);
  } finally {
    await sql.end();
  }
}

/**
 * Each batch above updated every project's summary rows once (db/schema/summaries.ts), leaving a dead
 * version per batch; a bulk load ends by compacting them, as a live site's single-row updates never need.
 */
async function compactSummaries(sql: postgres.Sql) {
  const tables = [
    fundDonationTotals,
    donorGiftCounts,
    summaryCounters,
    ledgerAccountTotals,
    ledgerMonthlyTotals,
    disbursementCategoryTotals,
    needTotals,
    projectCaseTotals,
    needServiceCounts,
  ];
  await sql.unsafe(`vacuum (full, analyze) ${tables.map((t) => getTableName(t)).join(', ')}`);
}

async function addProjects(sql: postgres.Sql, rnd: ReturnType<typeof createRandom>, scale: number): Promise<string[]> {
  const existing = await sql<{ id: string }[]>`select id from projects where status = 'active' order by sort_order`;
  const extra = Math.max(0, Math.round(10 * scale) - existing.length);
  const rows = Array.from({ length: extra }, (_, i) => {
    const base = seedProjects[i % seedProjects.length];
    return [
      randomUUID(),
      `${base.slug}-${i + 1}`,
      `${base.nameZh}·${jiangbeiAreas[i % 8].nameZh}${Math.floor(i / 96) + 1}期`,
      `${base.nameEn} · ${jiangbeiAreas[i % 8].nameEn} ${Math.floor(i / 96) + 1}`,
      base.summaryZh,
      base.summaryEn,
      `{${base.categories.join(',')}}`,
      `{${base.kinds.join(',')}}`,
      `{${base.populations.join(',')}}`,
      rnd.between(5, 40),
      rnd.between(2, 50) * 10000,
      rnd.between(5, 30) * 1_000_000,
      true,
      100 + i,
    ];
  });
  await bulkInsert(
    sql,
    'projects',
    [
      ['id', 'uuid'],
      ['slug', 'text'],
      ['name_zh', 'text'],
      ['name_en', 'text'],
      ['summary_zh', 'text'],
      ['summary_en', 'text'],
      ['categories', 'text', 'need_category[]'],
      ['kinds', 'text', 'need_kind[]'],
      ['populations', 'text', 'population[]'],
      ['capacity_per_month', 'int'],
      ['typical_cost_fen', 'bigint'],
      ['goal_fen', 'bigint'],
      ['is_demo', 'boolean'],
      ['sort_order', 'int'],
    ],
    rows,
  );
  await bulkInsert(
    sql,
    'project_areas',
    [
      ['project_id', 'uuid'],
      ['area_id', 'text'],
    ],
    rows.map((r, i) => [r[0], jiangbeiAreas[i % 8].id]),
  );
  return [...existing.map((e) => e.id), ...rows.map((r) => r[0] as string)];
}

const plan: [status: string, share: number][] = [
  ['submitted', 20],
  ['screening', 15],
  ['invalid', 40],
  ['withdrawn', 5],
  ['valid', 60],
  ['matched', 90],
  ['in_service', 200],
  ['fulfilled', 150],
  ['closed', 250],
];

async function addNeeds(sql: postgres.Sql, rnd: ReturnType<typeof createRandom>, scale: number, now: Date, projectIds: string[], staff: string[]) {
  const needs: unknown[][] = [];
  const events: unknown[][] = [];
  const services: unknown[][] = [];
  const codes = new Set<string>();
  const served = Math.round((200 + 150 + 250) * scale);
  const personTimes = 5000 * scale;
  let servedSoFar = 0;
  for (const [status, share] of plan) {
    const count = Math.round(share * scale);
    for (let i = 0; i < count; i++) {
      let code = newTrackingCode((m) => rnd.int(m));
      while (codes.has(code)) code = newTrackingCode((m) => rnd.int(m));
      codes.add(code);
      const id = randomUUID();
      const area = rnd.pick(jiangbeiAreas);
      const project = seedProjects[rnd.int(seedProjects.length)];
      const category = rnd.pick(project.categories);
      const submittedAt = new Date(now.getTime() - rnd.between(1, 365) * day);
      const matched = ['matched', 'in_service', 'fulfilled', 'closed'].includes(status);
      const projectId = matched ? rnd.pick(projectIds) : null;
      const pii = sealNeedPii({ name: rnd.pick(surnames) + rnd.pick(givenNames), phone: `13${rnd.between(5, 9)}${rnd.between(10000000, 99999999)}` }, code);
      needs.push([
        id, code, status, category, project.kinds[0] ?? 'both', `{${project.populations.filter((p) => p !== 'children').slice(0, 1).join(',')}}`,
        area.id, rnd.pick(villages[area.id]), rnd.pick(needStories[category]), rnd.pick(['low', 'normal', 'high', 'critical']),
        'intake-v1', pii.piiCiphertext, pii.piiKeyId, pii.nameMasked, pii.phoneMasked, pii.phoneHash, pii.trackingHash,
        status === 'submitted' ? null : rnd.pick(staff), projectId, submittedAt, new Date(submittedAt.getTime() + 3 * day),
        status === 'invalid' ? '经核实不符合条件' : null, status === 'closed' ? rnd.between(3, 5) : null,
      ]);
      events.push([id, 'submitted', null, 'submitted', 'resident', submittedAt]);
      if (status !== 'submitted') events.push([id, 'status', 'submitted', status, status === 'withdrawn' ? 'resident' : 'staff', new Date(submittedAt.getTime() + 2 * day)]);
      if (projectId && status !== 'matched') {
        const share = Math.floor(personTimes / served) + (servedSoFar < personTimes % served ? 1 : 0);
        servedSoFar++;
        services.push([id, projectId, new Date(submittedAt.getTime() + 5 * day).toISOString().slice(0, 10), rnd.pick(serviceTypes), '2', share, '志愿者服务队', staff[0]]);
      }
    }
  }
  const total = needs.length;
  for (let i = 0; i < total; i += 5000) {
    await bulkInsert(
      sql,
      'needs',
      [
        ['id', 'uuid'], ['code', 'text'], ['status', 'text', 'need_status'], ['category', 'text', 'need_category'], ['kind', 'text', 'need_kind'],
        ['populations', 'text', 'population[]'], ['area_id', 'text'], ['village', 'text'], ['description', 'text'], ['urgency', 'text', 'urgency'],
        ['consent_version', 'text'], ['pii_ciphertext', 'text'], ['pii_key_id', 'text'], ['name_masked', 'text'], ['phone_masked', 'text'],
        ['phone_hash', 'text'], ['tracking_hash', 'text'], ['assignee_id', 'uuid'], ['project_id', 'uuid'], ['submitted_at', 'timestamptz'],
        ['screen_due_at', 'timestamptz'], ['invalid_reason', 'text'], ['rating', 'smallint'],
      ],
      needs.slice(i, i + 5000),
    );
    progress('needs', Math.min(i + 5000, total), total);
  }
  await bulkInsert(
    sql,
    'need_events',
    [['need_id', 'uuid'], ['type', 'text'], ['from_status', 'text', 'need_status'], ['to_status', 'text', 'need_status'], ['actor_kind', 'text'], ['created_at', 'timestamptz']],
    events,
  );
  progress('events', events.length, events.length);
  await bulkInsert(
    sql,
    'service_records',
    [['need_id', 'uuid'], ['project_id', 'uuid'], ['served_on', 'date'], ['service_type', 'text'], ['hours', 'numeric'], ['person_times', 'int'], ['delivered_by', 'text'], ['recorded_by_id', 'uuid']],
    services,
  );
  progress('services', services.length, services.length);
}

async function addGifts(sql: postgres.Sql, rnd: ReturnType<typeof createRandom>, scale: number, now: Date, projectIds: string[]) {
  const presets = [2000, 5000, 10000, 10000, 20000, 50000];
  const gifts: { id: string; projectId: string | null; amountFen: number; at: Date }[] = [];
  for (let left = 130_000_000 * scale; left > 0; ) {
    const amountFen = Math.min(rnd.pick(presets), left);
    left -= amountFen;
    gifts.push({ id: randomUUID(), projectId: rnd.chance(0.75) ? rnd.pick(projectIds) : null, amountFen, at: new Date(now.getTime() - rnd.between(1, 365) * day - rnd.int(day)) });
  }
  gifts.sort((a, b) => a.at.getTime() - b.at.getTime());

  const [last] = await sql<{ id: string; hash: string }[]>`select id, hash from journal_entries order by id desc limit 1`;
  const [{ n: certStart }] = await sql<{ n: string }[]>`select nextval('certificate_seq') as n`;
  const codes = [accountCodes.clearing, accountCodes.generalFund, ...projectIds.map(accountCodes.projectFund)];
  for (const code of codes) {
    const { kind, projectId } = kindOfCode(code);
    await sql`insert into ledger_accounts (code, kind, project_id) values (${code}, ${kind}, ${projectId}) on conflict (code) do nothing`;
  }
  const accountId = new Map((await sql<{ id: string; code: string }[]>`select id, code from ledger_accounts`).map((a) => [a.code, a.id]));
  const totals = new Map<string, number>();
  let prev = last?.hash ?? genesisHash;
  let entryId = Number(last?.id ?? 0);
  const batch = 10000;
  for (let i = 0; i < gifts.length; i += batch) {
    const donations: unknown[][] = [];
    const entries: unknown[][] = [];
    const lines: unknown[][] = [];
    const inflows: unknown[][] = [];
    for (const [k, g] of gifts.slice(i, i + batch).entries()) {
      const cert = `AZJB-${g.at.getFullYear()}-${String(Number(certStart) + i + k).padStart(7, '0')}`;
      const fund = fundFor(g.projectId);
      const entryLines = [
        { accountCode: accountCodes.clearing, amountFen: -g.amountFen },
        { accountCode: fund, amountFen: g.amountFen },
      ];
      entryId++;
      const memo = `donation ${cert}`;
      const hash = hashEntry({ id: entryId, kind: 'donation', memo, postedAt: g.at, donationId: g.id, disbursementId: null, reversesEntryId: null, lines: entryLines }, prev);
      donations.push([g.id, g.projectId, g.amountFen, 'paid', 'demo', cert, g.at, g.at, rnd.chance(0.3)]);
      entries.push([entryId, 'donation', memo, g.id, g.at, prev, hash]);
      for (const l of entryLines) {
        lines.push([entryId, accountId.get(l.accountCode), l.amountFen]);
        totals.set(l.accountCode, (totals.get(l.accountCode) ?? 0) + l.amountFen);
      }
      inflows.push([fund, entryId, g.id, g.amountFen, g.amountFen, g.at]);
      prev = hash;
    }
    // One transaction per batch: the deferred balance check runs at its commit, over whole entries.
    await sql.begin(async (tx) => {
      await bulkInsert(tx, 'donations', [['id', 'uuid'], ['project_id', 'uuid'], ['amount_fen', 'bigint'], ['status', 'text', 'donation_status'], ['provider', 'text'], ['certificate_no', 'text'], ['paid_at', 'timestamptz'], ['created_at', 'timestamptz'], ['anonymous', 'boolean']], donations);
      await bulkInsert(tx, 'journal_entries', [['id', 'bigint'], ['kind', 'text'], ['memo', 'text'], ['donation_id', 'uuid'], ['posted_at', 'timestamptz'], ['prev_hash', 'text'], ['hash', 'text']], entries);
      await bulkInsert(tx, 'journal_lines', [['entry_id', 'bigint'], ['account_id', 'uuid'], ['amount_fen', 'bigint']], lines);
      await bulkInsert(tx, 'fund_inflows', [['account_code', 'text'], ['entry_id', 'bigint'], ['donation_id', 'uuid'], ['amount_fen', 'bigint'], ['remaining_fen', 'bigint'], ['posted_at', 'timestamptz']], inflows);
    });
    progress('gifts', Math.min(i + batch, gifts.length), gifts.length);
  }
  for (const [code, amount] of totals) await sql`update ledger_accounts set balance_fen = balance_fen + ${amount} where code = ${code}`;
  await sql`select setval(pg_get_serial_sequence('journal_entries', 'id'), ${entryId})`;
  await sql`select setval('certificate_seq', ${Number(certStart) + gifts.length})`;
}
