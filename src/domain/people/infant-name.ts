// How an infant or unborn baby is named on screen when names may not be known yet.
export interface InfantNameParts {
  status: 'unborn' | 'born';
  givenName: string | null;
  familyName: string | null;
}

export function infantDisplayName(infant: InfantNameParts): string {
  const family = infant.familyName?.trim() || null;
  const given = infant.givenName?.trim() || null;
  if (infant.status === 'unborn') return family ? `Unborn baby ${family}` : 'Unborn baby (name not known)';
  if (given && family) return `${given} ${family}`;
  if (family) return `Baby ${family}`;
  return given ?? 'Baby (name not known)';
}
