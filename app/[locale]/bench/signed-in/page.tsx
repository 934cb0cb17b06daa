import { requirePermission } from '../../_lib/guard';
import { FloorPage } from '../floor-page';

export const dynamic = 'force-dynamic';
export const metadata = { robots: { index: false } };

/** The dynamic floor behind what every signed-in page does first: read the session, check the user in the database. */
export default async function SignedInFloor() {
  await requirePermission('own_giving:read', '/bench/signed-in');
  return <FloorPage variant="signed-in" />;
}
