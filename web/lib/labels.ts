import type { Locale } from './i18n';

// The site's own words (not content), in each locale.

const en = {
  skip: 'Skip to content',
  by: 'By',
  and: ' and ',
  updated: 'Updated',
  firstPublished: 'First published',
  corrections: 'Corrections',
  readMore: 'Read more',
  part: (n: number) => `Part ${n}: `,
  youAreReading: '(you are reading this)',
  aboutAuthors: (count: number): string => (count > 1 ? 'About the authors' : 'About the author'),
  share: 'Share',
  latest: 'Latest',
  series: 'Series',
  sections: 'Sections',
  nothingYet: 'Nothing has been published yet.',
  nothingHere: 'Nothing has been published here yet.',
  privacy: 'Privacy statement',
  cookiePolicy: 'Cookie policy',
  terms: 'Terms of use',
  cookieSettings: 'Cookie settings',
  newer: '← Newer',
  older: 'Older →',
  pageOf: (page: number, count: number) => `Page ${page} of ${count}`,
  lastRevised: 'Last revised',
  theParts: 'The parts',
};

export type Labels = typeof en;

const zh: Labels = {
  skip: '跳到正文',
  by: '作者：',
  and: '、',
  updated: '更新于',
  firstPublished: '首次发布于',
  corrections: '更正',
  readMore: '延伸阅读',
  part: (n) => `第${n}篇：`,
  youAreReading: '（正在阅读）',
  aboutAuthors: () => '关于作者',
  share: '分享',
  latest: '最新',
  series: '系列',
  sections: '栏目',
  nothingYet: '暂无已发布的内容。',
  nothingHere: '这里暂无已发布的内容。',
  privacy: '隐私声明',
  cookiePolicy: 'Cookie 政策',
  terms: '使用条款',
  cookieSettings: 'Cookie 设置',
  newer: '← 较新',
  older: '较旧 →',
  pageOf: (page, count) => `第 ${page} 页，共 ${count} 页`,
  lastRevised: '最后修订于',
  theParts: '各篇',
};

export const labelsFor = (locale: Locale): Labels => (locale === 'zh' ? zh : en);
