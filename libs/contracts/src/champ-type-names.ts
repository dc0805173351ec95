import { ChampType } from './generated/demarches/procedure/v1/champ_type';

/**
 * Services and the API speak the reference's lowercase `type_champ` names ('text', 'drop_down_list'…); the wire
 * carries the proto enum. These two functions are the only translation between them.
 */
export function champTypeFromName(name: string): ChampType | undefined {
  const key = name.toUpperCase() as keyof typeof ChampType;
  return key === 'UNSPECIFIED' ? undefined : ChampType[key];
}

export function champTypeName(type: ChampType): string {
  const key = (Object.keys(ChampType) as (keyof typeof ChampType)[]).find(
    (candidate) => ChampType[candidate] === type,
  );
  return key && key !== 'UNSPECIFIED' ? key.toLowerCase() : 'text';
}
