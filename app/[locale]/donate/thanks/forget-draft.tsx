'use client';

import { useEffect } from 'react';
import { donateDraftKey } from '../draft';

/** Once the gift is made, what the donor typed (name, contact, message) is no longer kept in the tab. */
export function ForgetDraft() {
  useEffect(() => sessionStorage.removeItem(donateDraftKey), []);
  return null;
}
