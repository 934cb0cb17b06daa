import { FloorPage } from '../floor-page';

export const dynamic = 'force-static';
export const metadata = { robots: { index: false } };

export default function StaticFloor() {
  return <FloorPage variant="static" />;
}
