/**
 * The option a `<select>` chose, as the type of its options: the DOM hands back a string, and
 * only a value among `choices` comes out (undefined for anything else).
 */
export const chosen = <T extends string>(choices: readonly T[], value: string): T | undefined =>
  choices.find((choice) => choice === value);
