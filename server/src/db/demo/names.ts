/**
 * Name parts for fictional people. Surnames of the real L&D leads named in the strategy's
 * Annex B are deliberately absent, so no generated person carries a real lead's name.
 */
export const FIRST_NAMES: readonly string[] = [
  'Aisha', 'Alan', 'Amelia', 'Amir', 'Beth', 'Bogdan', 'Callum', 'Carol', 'Chloe', 'Daniel', 'Deepa', 'Eleanor',
  'Emeka', 'Fatima', 'Fiona', 'Gareth', 'Grace', 'Hannah', 'Harpreet', 'Ian', 'Imran', 'Jade', 'James', 'Joanne',
  'Kamal', 'Karen', 'Kasia', 'Liam', 'Lucy', 'Mandeep', 'Marek', 'Margaret', 'Mohammed', 'Nadia', 'Neil', 'Niamh',
  'Oliver', 'Olivia', 'Priya', 'Rachel', 'Raj', 'Rebecca', 'Rosa', 'Ryan', 'Samira', 'Sean', 'Shauna', 'Simon',
  'Sophie', 'Stuart', 'Tariq', 'Tom', 'Usha', 'Vikram', 'Wendy', 'Yasmin', 'Zoe', 'Agnieszka', 'Brian', 'Comfort',
];

export const LAST_NAMES: readonly string[] = [
  'Adeyemi', 'Ahmed', 'Allen', 'Appleby', 'Bailey', 'Barker', 'Begum', 'Bennett', 'Brooks', 'Chaudhry', 'Clarke',
  'Cole', 'Dawson', 'Dixon', 'Ellis', 'Evans', 'Fenwick', 'Foster', 'Gill', 'Goodwin', 'Green', 'Hall', 'Harper',
  'Hussain', 'Iqbal', 'Jackson', 'Jennings', 'Kaur', 'Kowalski', 'Lambert', 'Lewis', 'Malik', 'Marsh', 'Mason',
  'Mensah', 'Mitchell', 'Nowak', 'Okafor', 'O’Neill', 'Osei', 'Parkes', 'Patel', 'Pearce', 'Quinn', 'Rahman',
  'Reid', 'Robinson', 'Sandhu', 'Shah', 'Singh', 'Sutton', 'Thompson', 'Turner', 'Wallace', 'Walsh', 'Ward',
  'Webb', 'Whitaker', 'Wiśniewski', 'Wright', 'Yates', 'Zielinski', 'Holloway', 'Ashworth', 'Fairbrother',
];

/** The part of an email address a name contributes: lower case ASCII letters and hyphens. */
export function emailPart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
