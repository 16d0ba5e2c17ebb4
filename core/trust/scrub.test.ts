import { maskPhone, scrubPersonal } from './scrub';

describe('scrubbing personal data from public text', () => {
  it.each([
    ['a mobile number', '请打13800138000联系我', '请打＊＊联系我'],
    ['a spaced mobile number with +86', '电话 +86 138 0013 8000 找我', '电话 ＊＊ 找我'],
    ['a landline', '座机0757-86661234', '座机＊＊'],
    ['an ID number', '身份证44060219800101123X', '身份证＊＊'],
    ['a name with a form of address', '陈阿姨说路灯坏了', '＊＊说路灯坏了'],
    ['a self-introduction', '我叫李大明，住三巷', '＊＊，住三巷'],
    ['老 + surname', '隔壁老王。', '隔壁＊＊。'],
    ['a staff title', '黄社长已到现场', '＊＊已到现场'],
  ])('masks %s', (_name, input, expected) => {
    expect(scrubPersonal(input)).toBe(expected);
  });

  it('masks the names of the people on the concern wherever they appear', () => {
    expect(scrubPersonal('梁网格员和李叔一起清理了，李叔很满意', ['李叔', '梁网格员'])).toBe('＊＊和＊＊一起清理了，＊＊很满意');
  });

  it('leaves ordinary text alone', () => {
    const t = '村口垃圾堆积三天，已安排清运并增设两个垃圾桶。';
    expect(scrubPersonal(t)).toBe(t);
  });
});

describe('scrubbing numbers however they are written', () => {
  it.each([
    ['full-width digits', '电话１３８００１３８０００', '电话＊＊'],
    ['Chinese numerals read out', '打一三八零零一三八零零零找我', '打＊＊找我'],
    ['Chinese numerals with spaces', '一三八 零零一三 八零零零', '＊＊'],
    ['幺 and 洞 as people say them', '幺三八洞洞幺三八洞洞洞', '＊＊'],
    ['dots between groups', '138.0013.8000', '＊＊'],
    ['full-width spaces and dashes', '１３８－００１３－８０００', '＊＊'],
    ['a 15-digit old ID number', '证号440602800101123', '证号＊＊'],
    ['an ID number with a small x', '44060219800101123x号', '＊＊号'],
    ['a seven-digit local number', '打86661234', '打＊＊'],
  ])('masks %s', (_name, input, expected) => {
    expect(scrubPersonal(input)).toBe(expected);
  });

  it.each([
    ['a date', '2026-11-30那天开始堆的'],
    ['a dotted date', '2026.11.30起'],
    ['a short number', '3号楼旁边第2个垃圾桶，已经三天'],
    ['counting in words', '一二三四五六，大家一起清理'],
  ])('leaves %s alone', (_name, input) => {
    expect(scrubPersonal(input)).toBe(input);
  });
});

describe('scrubbing the names of the people on the concern', () => {
  it('masks the longer of two overlapping names whole (李叔叔 before 李叔), in any order given', () => {
    const text = '李叔叔来过，李叔也来过';
    expect(scrubPersonal(text, ['李叔', '李叔叔'])).toBe('＊＊来过，＊＊也来过');
    expect(scrubPersonal(text, ['李叔叔', '李叔'])).toBe('＊＊来过，＊＊也来过');
  });

  it('ignores a blank or one-character name instead of masking every character', () => {
    const text = '李家门口路灯坏了';
    expect(scrubPersonal(text, ['', ' ', '　', '李'])).toBe(text);
    // Two spaces are blank too, not a name of two characters.
    expect(scrubPersonal('李家  门口', ['  '])).toBe('李家  门口');
  });

  it('masks a two-character name and a name given twice once', () => {
    expect(scrubPersonal('梁明反映的问题，梁明已确认', ['梁明', '梁明'])).toBe('＊＊反映的问题，＊＊已确认');
  });
});

describe('which characters count as digits of a number', () => {
  // Six ASCII digits and the character: a number of seven digits, masked, only if the character counts.
  it.each([...'０１２３４５６７８９〇零洞一幺二两三四五六七八九'])('counts %s as a digit', (ch) => {
    expect(scrubPersonal(`号码886612${ch}号`)).toBe('号码＊＊号');
  });

  it.each([' ', '\u3000', '-', '－', '—', '.', '．', '·'])('reads %j between digits as part of one number', (sep) => {
    expect(scrubPersonal(`打138${sep}0013${sep}8000`)).toBe('打＊＊');
  });

  it('does not read a separator at the end of the text, or before a letter, as part of the number', () => {
    expect(scrubPersonal('打138 0013 8000 ')).toBe('打＊＊ ');
    expect(scrubPersonal('编号886-61A')).toBe('编号886-61A');
  });

  it('masks a number of exactly seven digits and leaves one of six alone', () => {
    expect(scrubPersonal('打8666123')).toBe('打＊＊');
    expect(scrubPersonal('打866612')).toBe('打866612');
  });

  it('takes a full-width plus sign and a capital check letter with the number', () => {
    expect(scrubPersonal('电话＋8613800138000')).toBe('电话＊＊');
    expect(scrubPersonal('证44060219800101123X。')).toBe('证＊＊。');
  });
});

describe('a phone number shown to someone who is not its owner or a handler', () => {
  it.each([
    ['a mobile number', '13900000001', '139****0001'],
    ['a mobile number with spaces', '139 0000 0001', '139****0001'],
    ['a landline with its area code', '075786661234', '075****1234'],
    ['a local landline, whose first three and last four would be all of it', '86661234', '****1234'],
    ['a seven-digit number', '8666123', '****6123'],
    ['a number shorter than seven digits, masked whole', '123456', '******'],
  ])('shows %s (%s) as %s', (_name, phone, shown) => {
    expect(maskPhone(phone)).toBe(shown);
  });
});

describe('where a number ends', () => {
  it('reads a range of two room numbers (1201 - 1208) as two numbers, not one to mask', () => {
    expect(scrubPersonal('1201 - 1208室漏水')).toBe('1201 - 1208室漏水');
  });

  it('reads a building and a room number apart, however many digits they have together', () => {
    expect(scrubPersonal('住1201栋3402室')).toBe('住1201栋3402室');
  });

  it('masks a number that only ends like a date', () => {
    expect(scrubPersonal('打8866-2026-11-30')).toBe('打＊＊');
  });
});

describe('name-like phrases', () => {
  it('masks 老/小/阿 with a surname at the very end of the text', () => {
    expect(scrubPersonal('隔壁老王')).toBe('隔壁＊＊');
  });

  it('masks a name after 姓名 with a colon', () => {
    expect(scrubPersonal('姓名：李大明')).toBe('＊＊');
    expect(scrubPersonal('联系人:陈')).toBe('＊＊');
  });
});
