/** Jiangbei's seven sub-districts and one town, in their customary order. */
export const jiangbeiAreas = [
  { id: 'zhongma', nameZh: '中马街道', nameEn: 'Zhongma Sub-district', kind: 'subdistrict' },
  { id: 'baisha', nameZh: '白沙街道', nameEn: 'Baisha Sub-district', kind: 'subdistrict' },
  { id: 'kongpu', nameZh: '孔浦街道', nameEn: 'Kongpu Sub-district', kind: 'subdistrict' },
  { id: 'wenjiao', nameZh: '文教街道', nameEn: 'Wenjiao Sub-district', kind: 'subdistrict' },
  { id: 'yongjiang', nameZh: '甬江街道', nameEn: 'Yongjiang Sub-district', kind: 'subdistrict' },
  { id: 'zhuangqiao', nameZh: '庄桥街道', nameEn: 'Zhuangqiao Sub-district', kind: 'subdistrict' },
  { id: 'hongtang', nameZh: '洪塘街道', nameEn: 'Hongtang Sub-district', kind: 'subdistrict' },
  { id: 'cicheng', nameZh: '慈城镇', nameEn: 'Cicheng Town', kind: 'town' },
] as const;

export type AreaId = (typeof jiangbeiAreas)[number]['id'];

/** The areas as the database holds them (seeded from the list above, never edited): no query needed. */
export function listAreas() {
  return jiangbeiAreas.map((a, sortOrder) => ({ ...a, sortOrder }));
}
