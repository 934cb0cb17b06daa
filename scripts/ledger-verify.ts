import { createDb } from '@/db/client';
import { checkLedger } from '@/lib/ledger/checks';
import { verifyBalances, verifyInflows } from '@/lib/ledger/verify';
import { verifySummaries } from '@/lib/summaries/verify';

/**
 * npm run ledger:verify — recomputes the hash chain and every cached balance from the journal (recorded as a
 * full check, which /transparency/verify shows), and every summary table behind the public figures from the
 * raw rows.
 */
async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is not set (stop npm start first to verify the embedded database, then point DATABASE_URL at it).');
    process.exit(1);
  }
  const { db, close } = createDb(url, 1);
  const chain = await checkLedger(db, { full: true });
  if (!chain) {
    await close();
    console.error('Another check of the ledger is running; try again when it has finished.');
    process.exit(2);
  }
  const mismatches = chain.balanceMismatches ? [...(await verifyBalances(db)), ...(await verifyInflows(db))] : [];
  const summaries = await verifySummaries(db);
  await close();
  console.log(`Journal entries checked: ${chain.entries}; head hash ${chain.headHash}`);
  if (chain.brokenEntryId !== null) console.log(`BROKEN: entry ${chain.brokenEntryId} (${chain.problem})`);
  else console.log('Hash chain: intact.');
  for (const m of mismatches) console.log(`MISMATCH ${m.code}: balance ${m.cached}, sum ${m.summed}`);
  if (!chain.balanceMismatches) console.log('Cached balances equal the ledger sums; unspent inflows equal the fund balances.');
  for (const s of summaries) console.log(`SUMMARY MISMATCH ${s.summary} ${s.key}: stored ${s.stored ?? 'none'}, recomputed ${s.recomputed ?? 'none'}`);
  if (!summaries.length) console.log('Summary tables equal their recomputation from the raw rows.');
  process.exit(chain.brokenEntryId === null && !chain.balanceMismatches && summaries.length === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
