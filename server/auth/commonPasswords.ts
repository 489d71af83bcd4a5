// The passwords tried first by anyone guessing (ASVS V2.1.7): the most common ones of 10 characters or
// more in public breach lists, Vietnamese favourites, keyboard runs, and a common word with digits or
// symbols added (matkhau2025!, Password@123).

const COMMON = new Set([
  '1234567890', '0123456789', '0987654321', '9876543210', '1111111111', '0000000000', '1234512345', '1122334455',
  '1212121212', '123456789a', 'a123456789', '123456789q', 'q123456789', '12345678910', '123123123123', '123456123456',
  'qwertyuiop', 'qwerty1234', 'qwerty123456', '1qaz2wsx3edc', '1q2w3e4r5t', '1q2w3e4r5t6y', 'zaq12wsxcde3', 'asdfghjkl1',
  'zxcvbnm123', 'qazwsxedc123', 'abcd123456', 'abc1234567', 'abcdefghij', 'abcdefgh12', 'aa12345678', 'iloveyou12',
  'iloveyou123', 'princess123', 'sunshine123', 'football123', 'baseball123', 'superman123', 'starwars123', 'whatever123',
  'trustno1234', 'letmein1234', 'welcome1234', 'welcome123456', 'changeme123', 'administrator', 'administrator1', 'passw0rd123',
  'p@ssw0rd123', 'p@ssword123', 'password12', 'password123', 'password1234', 'password12345', 'password123456', 'passwordpassword',
  'matkhau123', 'matkhau1234', 'matkhau123456', 'anhyeuem123', 'anhyeuem1234', 'emyeuanh123', 'vietnam123', 'vietnam1234',
  'hanoi12345', 'saigon1234', 'congan1234', 'conganhanoi', 'anninh1234', 'baove12345', 'toquoc1234', 'antoan1234',
  'nguyenvan123', 'admin12345', 'admin123456', 'adminadmin', 'rootroot12', 'test123456', 'testtest12', 'user123456',
]);

/** Words that, with digits or symbols around them, make a guessed password. */
const WORDS = new Set([
  'password', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'matkhau', 'admin', 'administrator', 'quantri', 'qwerty', 'iloveyou',
  'anhyeuem', 'emyeuanh', 'vietnam', 'hanoi', 'saigon', 'congan', 'anninh', 'antoan', 'baove', 'toquoc', 'welcome',
  'letmein', 'changeme', 'test', 'user', 'root', 'abc', 'abcd', 'qwe', 'asd', 'zxc',
]);

const RUNS = ['01234567890', '09876543210', 'qwertyuiop', 'poiuytrewq', 'asdfghjkl', 'zxcvbnm', 'abcdefghijklmnopqrstuvwxyz'];

/** One character repeated, or a run along the keyboard or the alphabet (or a repetition of such a run). */
function isRun(p: string): boolean {
  for (let len = 1; len <= p.length / 2; len++) {
    if (p.length % len === 0 && p.slice(0, len).repeat(p.length / len) === p) return len <= 4 || isRun(p.slice(0, len));
  }
  return RUNS.some((r) => r.includes(p));
}

export function isCommonPassword(password: string): boolean {
  const p = password.normalize('NFC').toLowerCase();
  if (COMMON.has(p) || isRun(p)) return true;
  const core = p.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
  return core === '' || WORDS.has(core);
}
