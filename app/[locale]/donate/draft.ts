/** Where the donate form keeps what was typed in this tab (sessionStorage), until the gift is made or the tab closes. */
export const donateDraftKey = 'azjb:donate-draft';
