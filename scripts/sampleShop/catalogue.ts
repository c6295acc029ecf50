/** The sample shop's catalogue and the made-up people, places and comments it draws from. */

export type ProductKind = 'trial' | 'tea' | 'ware' | 'gift' | 'subscription';

export interface Product {
  readonly sku: string;
  readonly name: string;
  /** Tax-inclusive price in yen (Japanese shops show 税込 prices). */
  readonly price: number;
  readonly compareAt?: number;
  /** Consumption tax rate: 8% for food (軽減税率), 10% for goods. */
  readonly taxRate: 8 | 10;
  readonly kind: ProductKind;
  /** How often it is picked for an ordinary basket. */
  readonly weight: number;
  /** Picked more in these months (1–12). */
  readonly season?: readonly number[];
}

export const PRODUCTS: readonly Product[] = [
  { sku: 'TR-001', name: 'お試し 3種飲み比べセット', price: 1980, compareAt: 2640, taxRate: 8, kind: 'trial', weight: 0 },
  { sku: 'SN-100', name: '深蒸し煎茶「みどり」100g', price: 1620, taxRate: 8, kind: 'tea', weight: 10 },
  { sku: 'SN-200', name: '特上煎茶「翠雲」100g', price: 2700, taxRate: 8, kind: 'tea', weight: 6 },
  { sku: 'GY-100', name: '玉露「露しずく」100g', price: 5400, taxRate: 8, kind: 'tea', weight: 2 },
  { sku: 'HJ-020', name: 'ほうじ茶ティーバッグ 20包', price: 1080, taxRate: 8, kind: 'tea', weight: 8 },
  { sku: 'GM-200', name: '玄米茶 200g', price: 1296, taxRate: 8, kind: 'tea', weight: 5 },
  { sku: 'MC-030', name: '有機抹茶 30g', price: 2160, taxRate: 8, kind: 'tea', weight: 5 },
  { sku: 'WK-050', name: '和紅茶 50g', price: 1944, taxRate: 8, kind: 'tea', weight: 4, season: [10, 11, 12, 1, 2] },
  { sku: 'MZ-015', name: '水出し煎茶ティーバッグ 15包', price: 1188, taxRate: 8, kind: 'tea', weight: 6, season: [6, 7, 8] },
  { sku: 'SW-001', name: '抹茶スイーツ詰め合わせ', price: 3240, taxRate: 8, kind: 'tea', weight: 3 },
  { sku: 'KY-001', name: '常滑焼 急須', price: 6600, taxRate: 10, kind: 'ware', weight: 1.2 },
  { sku: 'YN-002', name: '湯呑み 2客セット', price: 4400, taxRate: 10, kind: 'ware', weight: 1.2 },
  { sku: 'CS-001', name: '茶筅(百本立)', price: 3850, taxRate: 10, kind: 'ware', weight: 0.8 },
  { sku: 'TK-001', name: '茶器セット(急須・湯呑み5客)', price: 16500, compareAt: 19800, taxRate: 10, kind: 'ware', weight: 0.3 },
  { sku: 'GF-003', name: 'ギフトセット 煎茶3種', price: 5400, taxRate: 8, kind: 'gift', weight: 2.5, season: [5, 6, 8, 12] },
  { sku: 'GF-005', name: 'ギフトセット 玉露・煎茶 桐箱入り', price: 10800, taxRate: 8, kind: 'gift', weight: 0.8, season: [6, 8, 12] },
  { sku: 'SB-001', name: '【定期便】季節のお茶 3種セット', price: 4320, taxRate: 8, kind: 'subscription', weight: 0 },
  { sku: 'SB-002', name: '【定期便】プレミアム 玉露入り4種セット', price: 7560, taxRate: 8, kind: 'subscription', weight: 0 },
];

export const product = (sku: string): Product => {
  const p = PRODUCTS.find((x) => x.sku === sku);
  if (p === undefined) throw new Error(`no product ${sku}`);
  return p;
};
export const BASKET = PRODUCTS.filter((p) => p.weight > 0);
export const GIFTS = PRODUCTS.filter((p) => p.kind === 'gift');

export const FAMILY: ReadonlyArray<readonly [string, string]> = [
  ['佐藤', 'sato'], ['鈴木', 'suzuki'], ['高橋', 'takahashi'], ['田中', 'tanaka'], ['伊藤', 'ito'],
  ['渡辺', 'watanabe'], ['山本', 'yamamoto'], ['中村', 'nakamura'], ['小林', 'kobayashi'], ['加藤', 'kato'],
  ['吉田', 'yoshida'], ['山田', 'yamada'], ['佐々木', 'sasaki'], ['山口', 'yamaguchi'], ['松本', 'matsumoto'],
  ['井上', 'inoue'], ['木村', 'kimura'], ['林', 'hayashi'], ['斎藤', 'saito'], ['清水', 'shimizu'],
  ['山崎', 'yamazaki'], ['森', 'mori'], ['池田', 'ikeda'], ['橋本', 'hashimoto'], ['阿部', 'abe'],
  ['石川', 'ishikawa'], ['前田', 'maeda'], ['藤田', 'fujita'], ['小川', 'ogawa'], ['岡田', 'okada'],
];

export const GIVEN: ReadonlyArray<readonly [string, string]> = [
  ['陽子', 'yoko'], ['恵子', 'keiko'], ['由美', 'yumi'], ['裕子', 'yuko'], ['美香', 'mika'], ['直美', 'naomi'],
  ['智子', 'tomoko'], ['久美子', 'kumiko'], ['真由美', 'mayumi'], ['明美', 'akemi'], ['愛', 'ai'], ['彩', 'aya'],
  ['さくら', 'sakura'], ['美咲', 'misaki'], ['結衣', 'yui'], ['葵', 'aoi'], ['陽菜', 'hina'], ['千尋', 'chihiro'],
  ['奈々', 'nana'], ['舞', 'mai'], ['香織', 'kaori'], ['早苗', 'sanae'], ['和子', 'kazuko'], ['幸子', 'sachiko'],
  ['健一', 'kenichi'], ['誠', 'makoto'], ['大輔', 'daisuke'], ['翔太', 'shota'], ['拓也', 'takuya'], ['浩', 'hiroshi'],
  ['隆', 'takashi'], ['直樹', 'naoki'], ['亮', 'ryo'], ['蓮', 'ren'],
];

/** Reserved example domains (RFC 2606, JPRS): no real mailbox can be hit. */
export const DOMAINS: ReadonlyArray<readonly [string, number]> = [
  ['example.com', 5], ['example.jp', 3], ['example.ne.jp', 3], ['example.co.jp', 1], ['example.net', 2], ['example.org', 1],
];

export interface Place {
  readonly pref: string;
  readonly code: string;
  readonly prefEn: string;
  readonly city: string;
  readonly town: string;
  readonly zip: string;
}

export const PLACES: readonly Place[] = [
  { pref: '東京都', code: 'JP-13', prefEn: 'Tokyo', city: '世田谷区', town: '桜新町', zip: '154-0015' },
  { pref: '東京都', code: 'JP-13', prefEn: 'Tokyo', city: '杉並区', town: '阿佐谷南', zip: '166-0004' },
  { pref: '神奈川県', code: 'JP-14', prefEn: 'Kanagawa', city: '横浜市青葉区', town: '美しが丘', zip: '225-0002' },
  { pref: '埼玉県', code: 'JP-11', prefEn: 'Saitama', city: 'さいたま市浦和区', town: '常盤', zip: '330-0061' },
  { pref: '千葉県', code: 'JP-12', prefEn: 'Chiba', city: '船橋市', town: '本町', zip: '273-0005' },
  { pref: '大阪府', code: 'JP-27', prefEn: 'Osaka', city: '豊中市', town: '上野東', zip: '560-0012' },
  { pref: '京都府', code: 'JP-26', prefEn: 'Kyoto', city: '京都市左京区', town: '北白川', zip: '606-8267' },
  { pref: '愛知県', code: 'JP-23', prefEn: 'Aichi', city: '名古屋市千種区', town: '覚王山通', zip: '464-0841' },
  { pref: '静岡県', code: 'JP-22', prefEn: 'Shizuoka', city: '静岡市葵区', town: '呉服町', zip: '420-0031' },
  { pref: '福岡県', code: 'JP-40', prefEn: 'Fukuoka', city: '福岡市中央区', town: '大濠', zip: '810-0052' },
  { pref: '北海道', code: 'JP-01', prefEn: 'Hokkaido', city: '札幌市中央区', town: '円山西町', zip: '064-0944' },
  { pref: '宮城県', code: 'JP-04', prefEn: 'Miyagi', city: '仙台市青葉区', town: '国分町', zip: '980-0803' },
];

export const COMMENTS: readonly string[] = [
  '香りがとても良かったです。また買います！',
  '梱包が丁寧で、贈り物にも安心して使えます',
  '「水出し煎茶」が夏にぴったりでした',
  '届くまで少し時間がかかりました。\n次回はもう少し早いと嬉しいです',
  '定期便、毎月の楽しみになっています',
  'お試しセットで好みのお茶が見つかりました',
  '少し値段が高いと感じました',
  '母の日のギフトに使いました。とても喜ばれました',
  'ティーバッグが手軽で、職場でも飲んでいます',
  '玉露の甘みに驚きました',
  'Good tea, fast shipping. Thank you!',
  'パッケージに "賞味期限" がもう少し大きく書いてあると助かります',
];
