/**
 * Whistlehub demo seed data: plain, deterministic TypeScript constants, no imports.
 *
 * Sources: the articles in shared/seeds/*.txt (000–004), plus public knowledge of Beijing's
 * administrative divisions.
 *  - Street/township codes are the 9-digit statistical codes (统计用区划代码) of the NBS list.
 *    A 地区办事处 and its 镇 share one office and one code, e.g. 雁栖地区 = 雁栖镇 110116004,
 *    金海湖地区 = 金海湖镇 110117006, 峪口地区 = 峪口镇 110117004.
 *  - Community/village codes are the street code plus a 3-digit suffix taken from the order of a
 *    published community list. They look real but are not guaranteed to match the official
 *    12-digit codes.
 *  - Centroids are approximate WGS84 [lng, lat] (not GCJ-02). Urban communities are placed
 *    within a few hundred metres of the real place. Rural villages and townships (怀柔, 平谷)
 *    are rougher.
 *  - Every street and community is marked "// seed article" (named in shared/seeds) or "// added"
 *    (real place added so each level has enough children).
 *  - All people generated from SURNAMES/GIVEN_NAMES are fictional.
 */

export interface SeedGridWorker { name: string; phone: string } // phone: 11-digit mainland mobile like '13812345678', fictional
export interface SeedCommunity { code: string; name: string; nameEn: string; kind: 'COMMUNITY' | 'VILLAGE'; centroid: [number, number] /* [lng, lat] WGS84, approximate real location */ }
export interface SeedStreet { code: string; name: string; nameEn: string; kind: 'STREET' | 'TOWNSHIP'; centroid: [number, number]; communities: SeedCommunity[] }
export interface SeedDistrict { code: string; name: string; nameEn: string; streets: SeedStreet[] }
export interface SeedDepartment {
  code: string;
  name: string;
  nameEn: string;
  level: 'CITY' | 'DISTRICT' | 'STREET';
  /** set when level is DISTRICT or STREET */
  districtCode?: string;
  /** set when level is STREET: the street office summoned as a department (跨区吹哨) */
  streetCode?: string;
}
export interface SeedAssetKind { code: string; name: string; nameEn: string }

// ---------------------------------------------------------------------------------------------
// Organisation tree: district → street office / township → community / village
// ---------------------------------------------------------------------------------------------

export const DISTRICTS: SeedDistrict[] = [
  {
    code: '110101',
    name: '东城区',
    nameEn: 'Dongcheng District',
    streets: [
      {
        // added — the street where 煤渣胡同 lies (煤渣胡同 congestion case is in seed 002)
        code: '110101001',
        name: '东华门街道',
        nameEn: 'Donghuamen Subdistrict',
        kind: 'STREET',
        centroid: [116.4070, 39.9140],
        communities: [
          { code: '110101001005', name: '南池子社区', nameEn: 'Nanchizi Community', kind: 'COMMUNITY', centroid: [116.3995, 39.9105] }, // added
          { code: '110101001006', name: '灯市口社区', nameEn: 'Dengshikou Community', kind: 'COMMUNITY', centroid: [116.4115, 39.9185] }, // added
          { code: '110101001010', name: '王府井社区', nameEn: 'Wangfujing Community', kind: 'COMMUNITY', centroid: [116.4095, 39.9120] }, // added
        ],
      },
      {
        // seed article (000: 景山街道 "路见" mini-program, 公众参与提案屋)
        code: '110101002',
        name: '景山街道',
        nameEn: 'Jingshan Subdistrict',
        kind: 'STREET',
        centroid: [116.4050, 39.9275],
        communities: [
          { code: '110101002001', name: '隆福寺社区', nameEn: 'Longfusi Community', kind: 'COMMUNITY', centroid: [116.4115, 39.9275] }, // added
          { code: '110101002003', name: '黄化门社区', nameEn: 'Huanghuamen Community', kind: 'COMMUNITY', centroid: [116.4030, 39.9295] }, // added
          { code: '110101002007', name: '景山东街社区', nameEn: 'Jingshan Dongjie Community', kind: 'COMMUNITY', centroid: [116.4005, 39.9250] }, // added
        ],
      },
      {
        // seed article (000: 交道口街道 "商会自治")
        code: '110101003',
        name: '交道口街道',
        nameEn: 'Jiaodaokou Subdistrict',
        kind: 'STREET',
        centroid: [116.4070, 39.9375],
        communities: [
          { code: '110101003004', name: '府学社区', nameEn: 'Fuxue Community', kind: 'COMMUNITY', centroid: [116.4100, 39.9350] }, // added
          { code: '110101003006', name: '菊儿社区', nameEn: "Ju'er Community", kind: 'COMMUNITY', centroid: [116.4040, 39.9400] }, // added
          { code: '110101003007', name: '南锣鼓巷社区', nameEn: 'Nanluoguxiang Community', kind: 'COMMUNITY', centroid: [116.4030, 39.9360] }, // added
        ],
      },
      {
        // seed article (000: 东四街道 standing committee of the residents' meeting, 社区居民会议常务会)
        code: '110101006',
        name: '东四街道',
        nameEn: 'Dongsi Subdistrict',
        kind: 'STREET',
        centroid: [116.4235, 39.9335],
        communities: [
          { code: '110101006001', name: '南门仓社区', nameEn: 'Nanmencang Community', kind: 'COMMUNITY', centroid: [116.4300, 39.9365] }, // added
          { code: '110101006003', name: '六条社区', nameEn: 'Liutiao Community', kind: 'COMMUNITY', centroid: [116.4195, 39.9320] }, // added
          { code: '110101006005', name: '八条社区', nameEn: 'Batiao Community', kind: 'COMMUNITY', centroid: [116.4230, 39.9350] }, // added
        ],
      },
      {
        // seed article (000: 东直门街道 "家园计划")
        code: '110101009',
        name: '东直门街道',
        nameEn: 'Dongzhimen Subdistrict',
        kind: 'STREET',
        centroid: [116.4410, 39.9410],
        communities: [
          { code: '110101009001', name: '胡家园社区', nameEn: 'Hujiayuan Community', kind: 'COMMUNITY', centroid: [116.4450, 39.9450] }, // added
          { code: '110101009002', name: '新中街社区', nameEn: 'Xinzhongjie Community', kind: 'COMMUNITY', centroid: [116.4390, 39.9370] }, // added
          { code: '110101009006', name: '东外大街社区', nameEn: 'Dongwai Dajie Community', kind: 'COMMUNITY', centroid: [116.4400, 39.9415] }, // added
        ],
      },
      {
        // seed article (004: 前门街道草厂社区 "小院议事厅")
        code: '110101011',
        name: '前门街道',
        nameEn: 'Qianmen Subdistrict',
        kind: 'STREET',
        centroid: [116.4000, 39.8975],
        communities: [
          { code: '110101011001', name: '前门东大街社区', nameEn: 'Qianmen Dongdajie Community', kind: 'COMMUNITY', centroid: [116.3985, 39.9000] }, // added
          { code: '110101011002', name: '大江社区', nameEn: 'Dajiang Community', kind: 'COMMUNITY', centroid: [116.4030, 39.8955] }, // added
          { code: '110101011003', name: '草厂社区', nameEn: 'Caochang Community', kind: 'COMMUNITY', centroid: [116.3985, 39.8962] }, // seed article
        ],
      },
      {
        // seed article (004: 东花市街道 "花伴儿" app, covering its 8 communities)
        code: '110101013',
        name: '东花市街道',
        nameEn: 'Donghuashi Subdistrict',
        kind: 'STREET',
        centroid: [116.4300, 39.8925],
        communities: [
          { code: '110101013002', name: '东花市北里东区社区', nameEn: 'Donghuashi Beili East Community', kind: 'COMMUNITY', centroid: [116.4260, 39.8955] }, // added
          { code: '110101013003', name: '花市枣苑社区', nameEn: 'Huashi Zaoyuan Community', kind: 'COMMUNITY', centroid: [116.4205, 39.8930] }, // added
          { code: '110101013006', name: '广渠门外南里社区', nameEn: 'Guangqumenwai Nanli Community', kind: 'COMMUNITY', centroid: [116.4400, 39.8912] }, // seed article (named there as 广外南里社区)
          { code: '110101013007', name: '忠实里社区', nameEn: 'Zhongshili Community', kind: 'COMMUNITY', centroid: [116.4330, 39.8900] }, // added
        ],
      },
      {
        // seed article (004: 龙潭街道 started the "小巷管家" alley-steward scheme in 2017)
        code: '110101014',
        name: '龙潭街道',
        nameEn: 'Longtan Subdistrict',
        kind: 'STREET',
        centroid: [116.4395, 39.8840],
        communities: [
          { code: '110101014002', name: '夕照寺社区', nameEn: 'Xizhaosi Community', kind: 'COMMUNITY', centroid: [116.4345, 39.8855] }, // added
          { code: '110101014009', name: '龙潭北里社区', nameEn: 'Longtan Beili Community', kind: 'COMMUNITY', centroid: [116.4395, 39.8810] }, // added
          { code: '110101014010', name: '光明社区', nameEn: 'Guangming Community', kind: 'COMMUNITY', centroid: [116.4455, 39.8870] }, // added
        ],
      },
    ],
  },
  {
    code: '110102',
    name: '西城区',
    nameEn: 'Xicheng District',
    streets: [
      {
        // seed article (004: big-data platform, 堂子胡同; 西交民巷社区 "移动办公桌")
        code: '110102001',
        name: '西长安街街道',
        nameEn: "Xichang'anjie Subdistrict",
        kind: 'STREET',
        centroid: [116.3790, 39.9050],
        communities: [
          { code: '110102001001', name: '府右街南社区', nameEn: 'Fuyoujie South Community', kind: 'COMMUNITY', centroid: [116.3800, 39.9085] }, // added
          { code: '110102001002', name: '西交民巷社区', nameEn: 'Xijiaominxiang Community', kind: 'COMMUNITY', centroid: [116.3835, 39.9020] }, // seed article
          { code: '110102001005', name: '和平门社区', nameEn: 'Hepingmen Community', kind: 'COMMUNITY', centroid: [116.3790, 39.8975] }, // added
          { code: '110102001010', name: '西单北社区', nameEn: 'Xidan North Community', kind: 'COMMUNITY', centroid: [116.3740, 39.9115] }, // added
        ],
      },
      {
        // seed article (002, 004: 广外街道, cross-district whistle with 丰台太平桥街道)
        code: '110102020',
        name: '广安门外街道',
        nameEn: "Guang'anmenwai Subdistrict",
        kind: 'STREET',
        centroid: [116.3395, 39.8835],
        communities: [
          { code: '110102020014', name: '红莲北里社区', nameEn: 'Honglian Beili Community', kind: 'COMMUNITY', centroid: [116.3440, 39.8865] }, // added
          { code: '110102020016', name: '马连道社区', nameEn: 'Maliandao Community', kind: 'COMMUNITY', centroid: [116.3360, 39.8835] }, // added
          { code: '110102020020', name: '莲花河社区', nameEn: 'Lianhuahe Community', kind: 'COMMUNITY', centroid: [116.3390, 39.8770] }, // added
        ],
      },
    ],
  },
  {
    code: '110105',
    name: '朝阳区',
    nameEn: 'Chaoyang District',
    streets: [
      {
        // added
        code: '110105004',
        name: '三里屯街道',
        nameEn: 'Sanlitun Subdistrict',
        kind: 'STREET',
        centroid: [116.4520, 39.9370],
        communities: [
          { code: '110105004001', name: '幸福一村社区', nameEn: 'Xingfu Yicun Community', kind: 'COMMUNITY', centroid: [116.4450, 39.9380] }, // added
          { code: '110105004003', name: '北三里社区', nameEn: 'Beisanli Community', kind: 'COMMUNITY', centroid: [116.4560, 39.9395] }, // added
          { code: '110105004005', name: '中三里社区', nameEn: 'Zhongsanli Community', kind: 'COMMUNITY', centroid: [116.4520, 39.9345] }, // added
        ],
      },
      {
        // seed article (004: "try before you buy" property management in 4 pilot communities, 2019)
        code: '110105015',
        name: '八里庄街道',
        nameEn: 'Balizhuang Subdistrict',
        kind: 'STREET',
        centroid: [116.4920, 39.9170],
        communities: [
          { code: '110105015002', name: '甘露园社区', nameEn: 'Ganluyuan Community', kind: 'COMMUNITY', centroid: [116.5030, 39.9125] }, // added
          { code: '110105015003', name: '八里庄东里社区', nameEn: 'Balizhuang Dongli Community', kind: 'COMMUNITY', centroid: [116.4955, 39.9155] }, // added
          { code: '110105015006', name: '红庙北里社区', nameEn: 'Hongmiao Beili Community', kind: 'COMMUNITY', centroid: [116.4815, 39.9215] }, // seed article (photo caption)
          { code: '110105015007', name: '延静里社区', nameEn: 'Yanjingli Community', kind: 'COMMUNITY', centroid: [116.4880, 39.9185] }, // added
        ],
      },
    ],
  },
  {
    code: '110106',
    name: '丰台区',
    nameEn: 'Fengtai District',
    streets: [
      {
        // seed article (002, 004: cross-district whistle with 西城广外街道)
        code: '110106002',
        name: '太平桥街道',
        nameEn: 'Taipingqiao Subdistrict',
        kind: 'STREET',
        centroid: [116.3390, 39.8690],
        communities: [
          { code: '110106002004', name: '太平桥东里社区', nameEn: 'Taipingqiao Dongli Community', kind: 'COMMUNITY', centroid: [116.3400, 39.8710] }, // added
          { code: '110106002006', name: '东管头社区', nameEn: 'Dongguantou Community', kind: 'COMMUNITY', centroid: [116.3320, 39.8695] }, // added
          { code: '110106002009', name: '菜户营社区', nameEn: 'Caihuying Community', kind: 'COMMUNITY', centroid: [116.3455, 39.8650] }, // added
        ],
      },
      {
        // added
        code: '110106008',
        name: '六里桥街道',
        nameEn: 'Liuliqiao Subdistrict',
        kind: 'STREET',
        centroid: [116.3130, 39.8810],
        communities: [
          { code: '110106008003', name: '六里桥南里社区', nameEn: 'Liuliqiao Nanli Community', kind: 'COMMUNITY', centroid: [116.3110, 39.8780] }, // added
          { code: '110106008004', name: '六里桥北里社区', nameEn: 'Liuliqiao Beili Community', kind: 'COMMUNITY', centroid: [116.3085, 39.8845] }, // added
          { code: '110106008007', name: '莲怡园社区', nameEn: 'Lianyiyuan Community', kind: 'COMMUNITY', centroid: [116.3190, 39.8815] }, // added
        ],
      },
    ],
  },
  {
    code: '110107',
    name: '石景山区',
    nameEn: 'Shijingshan District',
    streets: [
      {
        // seed article (004: 老街坊议事厅 of 景阳东街第二社区)
        code: '110107003',
        name: '八角街道',
        nameEn: 'Bajiao Subdistrict',
        kind: 'STREET',
        centroid: [116.2120, 39.9090],
        communities: [
          { code: '110107003009', name: '八角北路社区', nameEn: 'Bajiao Beilu Community', kind: 'COMMUNITY', centroid: [116.2150, 39.9120] }, // added
          { code: '110107003012', name: '杨庄中区社区', nameEn: 'Yangzhuang Central Community', kind: 'COMMUNITY', centroid: [116.2100, 39.9045] }, // added
          { code: '110107003019', name: '景阳东街第二社区', nameEn: 'Jingyang Dongjie No. 2 Community', kind: 'COMMUNITY', centroid: [116.2085, 39.9125] }, // seed article (listed officially as 八角景阳东街第二社区)
        ],
      },
      {
        // seed article (004: 鲁谷街道 市民诉求处置中心, 双派双考 dual dispatch)
        code: '110107011',
        name: '鲁谷街道',
        nameEn: 'Lugu Subdistrict',
        kind: 'STREET',
        centroid: [116.2380, 39.8920],
        communities: [
          { code: '110107011006', name: '重聚园社区', nameEn: 'Chongjuyuan Community', kind: 'COMMUNITY', centroid: [116.2385, 39.8955] }, // added
          { code: '110107011007', name: '依翠园北社区', nameEn: 'Yicuiyuan North Community', kind: 'COMMUNITY', centroid: [116.2310, 39.8930] }, // added
          { code: '110107011012', name: '七星园北社区', nameEn: 'Qixingyuan North Community', kind: 'COMMUNITY', centroid: [116.2445, 39.8895] }, // added
        ],
      },
    ],
  },
  {
    code: '110108',
    name: '海淀区',
    nameEn: 'Haidian District',
    streets: [
      {
        // seed article (004: 万寿路街道 "民情驿站")
        code: '110108001',
        name: '万寿路街道',
        nameEn: 'Wanshoulu Subdistrict',
        kind: 'STREET',
        centroid: [116.2985, 39.9090],
        communities: [
          { code: '110108001001', name: '翠微路社区', nameEn: 'Cuiweilu Community', kind: 'COMMUNITY', centroid: [116.3035, 39.9125] }, // added
          { code: '110108001008', name: '万寿路社区', nameEn: 'Wanshoulu Community', kind: 'COMMUNITY', centroid: [116.2960, 39.9085] }, // added
          { code: '110108001018', name: '复兴路24号社区', nameEn: 'Fuxinglu No. 24 Community', kind: 'COMMUNITY', centroid: [116.2900, 39.9050] }, // added
        ],
      },
      {
        // added
        code: '110108003',
        name: '羊坊店街道',
        nameEn: 'Yangfangdian Subdistrict',
        kind: 'STREET',
        centroid: [116.3240, 39.9030],
        communities: [
          { code: '110108003002', name: '会城门社区', nameEn: 'Huichengmen Community', kind: 'COMMUNITY', centroid: [116.3270, 39.9045] }, // added
          { code: '110108003013', name: '羊坊店社区', nameEn: 'Yangfangdian Community', kind: 'COMMUNITY', centroid: [116.3280, 39.8975] }, // added
          { code: '110108003025', name: '军事博物馆社区', nameEn: 'Military Museum Community', kind: 'COMMUNITY', centroid: [116.3205, 39.9095] }, // added
        ],
      },
    ],
  },
  {
    code: '110114',
    name: '昌平区',
    nameEn: 'Changping District',
    streets: [
      {
        // seed article (002: 天通苑地区, "回天有我" action plan; the article names the area, not the office)
        code: '110114008',
        name: '天通苑北街道',
        nameEn: 'Tiantongyuan North Subdistrict',
        kind: 'STREET',
        centroid: [116.4160, 40.0825],
        communities: [
          { code: '110114008003', name: '天通西苑第三社区', nameEn: 'Tiantong Xiyuan No. 3 Community', kind: 'COMMUNITY', centroid: [116.4095, 40.0815] }, // added
          { code: '110114008005', name: '天通中苑第一社区', nameEn: 'Tiantong Zhongyuan No. 1 Community', kind: 'COMMUNITY', centroid: [116.4190, 40.0790] }, // added
          { code: '110114008009', name: '天通北苑第一东社区', nameEn: 'Tiantong Beiyuan No. 1 East Community', kind: 'COMMUNITY', centroid: [116.4200, 40.0865] }, // added
        ],
      },
      {
        // seed article (002: 回龙观地区, "回天有我" action plan; the article names the area, not the office)
        code: '110114011',
        name: '回龙观街道',
        nameEn: 'Huilongguan Subdistrict',
        kind: 'STREET',
        centroid: [116.3275, 40.0755],
        communities: [
          { code: '110114011009', name: '金榜园社区', nameEn: 'Jinbangyuan Community', kind: 'COMMUNITY', centroid: [116.3350, 40.0790] }, // added
          { code: '110114011016', name: '回龙观新村社区', nameEn: 'Huilongguan Xincun Community', kind: 'COMMUNITY', centroid: [116.3280, 40.0745] }, // added
          { code: '110114011023', name: '新龙城东区社区', nameEn: 'Xinlongcheng East Community', kind: 'COMMUNITY', centroid: [116.3195, 40.0725] }, // added
        ],
      },
    ],
  },
  {
    code: '110115',
    name: '大兴区',
    nameEn: 'Daxing District',
    streets: [
      {
        // added (the 大兴 cases in seed 004 name no street)
        code: '110115001',
        name: '兴丰街道',
        nameEn: 'Xingfeng Subdistrict',
        kind: 'STREET',
        centroid: [116.3410, 39.7350],
        communities: [
          { code: '110115001001', name: '富强西里社区', nameEn: 'Fuqiang Xili Community', kind: 'COMMUNITY', centroid: [116.3420, 39.7310] }, // added
          { code: '110115001003', name: '黄村西里社区', nameEn: 'Huangcun Xili Community', kind: 'COMMUNITY', centroid: [116.3360, 39.7365] }, // added
          { code: '110115001005', name: '兴华中里社区', nameEn: 'Xinghua Zhongli Community', kind: 'COMMUNITY', centroid: [116.3440, 39.7395] }, // added
        ],
      },
      {
        // added
        code: '110115003',
        name: '清源街道',
        nameEn: 'Qingyuan Subdistrict',
        kind: 'STREET',
        centroid: [116.3320, 39.7495],
        communities: [
          { code: '110115003002', name: '滨河西里北区社区', nameEn: 'Binhe Xili North Community', kind: 'COMMUNITY', centroid: [116.3220, 39.7500] }, // added
          { code: '110115003006', name: '枣园社区', nameEn: 'Zaoyuan Community', kind: 'COMMUNITY', centroid: [116.3300, 39.7525] }, // added
          { code: '110115003008', name: '康顺园社区', nameEn: 'Kangshunyuan Community', kind: 'COMMUNITY', centroid: [116.3385, 39.7470] }, // added
        ],
      },
    ],
  },
  {
    code: '110116',
    name: '怀柔区',
    nameEn: 'Huairou District',
    streets: [
      {
        // seed article (004: 雁栖镇柏泉社区, 栖美园小区). NBS lists it as 雁栖地区 110116004.
        code: '110116004',
        name: '雁栖镇',
        nameEn: 'Yanqi Town',
        kind: 'TOWNSHIP',
        centroid: [116.6675, 40.3505],
        communities: [
          { code: '110116004001', name: '新村社区', nameEn: 'Xincun Community', kind: 'COMMUNITY', centroid: [116.6655, 40.3540] }, // added
          { code: '110116004002', name: '柏泉社区', nameEn: 'Baiquan Community', kind: 'COMMUNITY', centroid: [116.6600, 40.3480] }, // seed article
          { code: '110116004003', name: '乐园庄村', nameEn: 'Leyuanzhuang Village', kind: 'VILLAGE', centroid: [116.6700, 40.3445] }, // added
          { code: '110116004004', name: '陈各庄村', nameEn: 'Chengezhuang Village', kind: 'VILLAGE', centroid: [116.6740, 40.3560] }, // added
        ],
      },
      {
        // seed article (004: 喇叭沟门乡, night-noise case). Official name 喇叭沟门满族乡.
        code: '110116213',
        name: '喇叭沟门满族乡',
        nameEn: 'Labagoumen Manchu Ethnic Township',
        kind: 'TOWNSHIP',
        centroid: [116.6125, 40.9580],
        communities: [
          { code: '110116213008', name: '北辛店村', nameEn: 'Beixindian Village', kind: 'VILLAGE', centroid: [116.6210, 40.9650] }, // added
          { code: '110116213009', name: '苗营村', nameEn: 'Miaoying Village', kind: 'VILLAGE', centroid: [116.6050, 40.9520] }, // added
          { code: '110116213011', name: '喇叭沟门村', nameEn: 'Labagoumen Village', kind: 'VILLAGE', centroid: [116.6130, 40.9590] }, // seed article
        ],
      },
    ],
  },
  {
    code: '110117',
    name: '平谷区',
    nameEn: 'Pinggu District',
    streets: [
      {
        // seed article (001: 濱河街道 "六声哨" six whistles)
        code: '110117001',
        name: '滨河街道',
        nameEn: 'Binhe Subdistrict',
        kind: 'STREET',
        centroid: [117.1230, 40.1395],
        communities: [
          { code: '110117001003', name: '向阳社区', nameEn: 'Xiangyang Community', kind: 'COMMUNITY', centroid: [117.1180, 40.1370] }, // added
          { code: '110117001009', name: '滨河社区', nameEn: 'Binhe Community', kind: 'COMMUNITY', centroid: [117.1300, 40.1380] }, // added
          { code: '110117001012', name: '府前社区', nameEn: 'Fuqian Community', kind: 'COMMUNITY', centroid: [117.1210, 40.1430] }, // added
        ],
      },
      {
        // seed article, inferred: 004 names 西樊各庄村 in 平谷 without its township. The NBS list
        // has 西凡各庄村 under 峪口地区 110117004 (峪口镇).
        code: '110117004',
        name: '峪口镇',
        nameEn: 'Yukou Town',
        kind: 'TOWNSHIP',
        centroid: [117.0350, 40.1990],
        communities: [
          { code: '110117004001', name: '峪口社区', nameEn: 'Yukou Community', kind: 'COMMUNITY', centroid: [117.0360, 40.2030] }, // added
          { code: '110117004004', name: '西樊各庄村', nameEn: 'Xifangezhuang Village', kind: 'VILLAGE', centroid: [117.0280, 40.1965] }, // seed article (statistical name 西凡各庄村)
          { code: '110117004006', name: '胡家营村', nameEn: 'Hujiaying Village', kind: 'VILLAGE', centroid: [117.0420, 40.1980] }, // added
        ],
      },
      {
        // seed article (000, 001, 002: gold-mine accident and the first whistle). NBS lists it as 金海湖地区 110117006.
        code: '110117006',
        name: '金海湖镇',
        nameEn: 'Jinhaihu Town',
        kind: 'TOWNSHIP',
        centroid: [117.2740, 40.1735],
        communities: [
          { code: '110117006010', name: '上宅村', nameEn: 'Shangzhai Village', kind: 'VILLAGE', centroid: [117.2660, 40.1730] }, // added
          { code: '110117006015', name: '海子村', nameEn: 'Haizi Village', kind: 'VILLAGE', centroid: [117.2760, 40.1700] }, // seed article
          { code: '110117006019', name: '茅山后村', nameEn: 'Maoshanhou Village', kind: 'VILLAGE', centroid: [117.2800, 40.1780] }, // seed article
        ],
      },
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Departments (条): city-level bodies, and district-level copies summoned by street whistles.
// Codes: 'BJ-XXX' for city level, '<district code>-XXX' for district level.
// ---------------------------------------------------------------------------------------------

export const DEPARTMENTS: SeedDepartment[] = [
  // ---- City level ----
  { code: 'BJ-CGW', name: '北京市城市管理委员会', nameEn: 'Beijing Municipal Commission of Urban Management', level: 'CITY' },
  { code: 'BJ-CGZF', name: '北京市城市管理综合行政执法局', nameEn: 'Beijing Municipal Urban Management Law Enforcement Bureau', level: 'CITY' },
  { code: 'BJ-GA', name: '北京市公安局', nameEn: 'Beijing Municipal Public Security Bureau', level: 'CITY' },
  { code: 'BJ-JGJ', name: '北京市公安局公安交通管理局', nameEn: 'Beijing Traffic Management Bureau', level: 'CITY' },
  { code: 'BJ-XF', name: '北京市消防救援总队', nameEn: 'Beijing Fire and Rescue Corps', level: 'CITY' },
  { code: 'BJ-SCJG', name: '北京市市场监督管理局', nameEn: 'Beijing Municipal Administration for Market Regulation', level: 'CITY' },
  { code: 'BJ-JTW', name: '北京市交通委员会', nameEn: 'Beijing Municipal Commission of Transport', level: 'CITY' },
  { code: 'BJ-ZJW', name: '北京市住房和城乡建设委员会', nameEn: 'Beijing Municipal Commission of Housing and Urban-Rural Development', level: 'CITY' }, // seed article (市住建委)
  { code: 'BJ-STHJ', name: '北京市生态环境局', nameEn: 'Beijing Municipal Ecology and Environment Bureau', level: 'CITY' },
  { code: 'BJ-SWJ', name: '北京市水务局', nameEn: 'Beijing Water Authority', level: 'CITY' },
  { code: 'BJ-YLLH', name: '北京市园林绿化局', nameEn: 'Beijing Municipal Forestry and Parks Bureau', level: 'CITY' },
  { code: 'BJ-MZJ', name: '北京市民政局', nameEn: 'Beijing Municipal Civil Affairs Bureau', level: 'CITY' },
  { code: 'BJ-WJW', name: '北京市卫生健康委员会', nameEn: 'Beijing Municipal Health Commission', level: 'CITY' },
  { code: 'BJ-FGW', name: '北京市发展和改革委员会', nameEn: 'Beijing Municipal Commission of Development and Reform', level: 'CITY' }, // seed article (市发改委)
  { code: 'BJ-GHZY', name: '北京市规划和自然资源委员会', nameEn: 'Beijing Municipal Commission of Planning and Natural Resources', level: 'CITY' }, // seed article (市规划委)
  { code: 'BJ-RXZX', name: '北京市民热线服务中心', nameEn: 'Beijing 12345 Citizen Hotline Service Center', level: 'CITY' },
  { code: 'BJ-RQ4', name: '北京市燃气集团第四分公司', nameEn: 'Beijing Gas Group, No. 4 Branch', level: 'CITY' }, // seed article (市燃气四分公司)
  { code: 'BJ-DL', name: '国网北京市电力公司', nameEn: 'State Grid Beijing Electric Power Company', level: 'CITY' },

  // ---- 东城区 ----
  { code: '110101-CGW', name: '东城区城市管理委员会', nameEn: 'Dongcheng District Commission of Urban Management', level: 'DISTRICT', districtCode: '110101' },
  { code: '110101-CGZF', name: '东城区城市管理综合行政执法局', nameEn: 'Dongcheng District Urban Management Law Enforcement Bureau', level: 'DISTRICT', districtCode: '110101' },
  { code: '110101-GA', name: '北京市公安局东城分局', nameEn: 'Dongcheng Branch, Beijing Public Security Bureau', level: 'DISTRICT', districtCode: '110101' },
  { code: '110101-JTZD', name: '北京市公安局公安交通管理局东城交通支队', nameEn: 'Dongcheng Traffic Police Detachment', level: 'DISTRICT', districtCode: '110101' }, // seed article (交通支队)
  { code: '110101-XF', name: '北京市东城区消防救援支队', nameEn: 'Dongcheng District Fire and Rescue Detachment', level: 'DISTRICT', districtCode: '110101' },
  { code: '110101-SCJG', name: '东城区市场监督管理局', nameEn: 'Dongcheng District Administration for Market Regulation', level: 'DISTRICT', districtCode: '110101' },
  { code: '110101-JTW', name: '东城区交通委员会', nameEn: 'Dongcheng District Commission of Transport', level: 'DISTRICT', districtCode: '110101' }, // seed article (东城区交通委)
  { code: '110101-ZJW', name: '东城区住房和城市建设委员会', nameEn: 'Dongcheng District Commission of Housing and Urban Development', level: 'DISTRICT', districtCode: '110101' },
  { code: '110101-STHJ', name: '北京市东城区生态环境局', nameEn: 'Dongcheng District Ecology and Environment Bureau', level: 'DISTRICT', districtCode: '110101' },
  { code: '110101-SWJ', name: '东城区水务局', nameEn: 'Dongcheng District Water Affairs Bureau', level: 'DISTRICT', districtCode: '110101' },
  { code: '110101-YLLH', name: '东城区园林绿化局', nameEn: 'Dongcheng District Landscaping and Greening Bureau', level: 'DISTRICT', districtCode: '110101' },
  { code: '110101-MZJ', name: '东城区民政局', nameEn: 'Dongcheng District Civil Affairs Bureau', level: 'DISTRICT', districtCode: '110101' },
  { code: '110101-WJW', name: '东城区卫生健康委员会', nameEn: 'Dongcheng District Health Commission', level: 'DISTRICT', districtCode: '110101' },
  { code: '110101-FGS-QM', name: '东城区前门房管所', nameEn: 'Qianmen Housing Management Office (Dongcheng)', level: 'DISTRICT', districtCode: '110101' }, // seed article (前门房管所)

  // ---- 西城区 ----
  { code: '110102-CGW', name: '西城区城市管理委员会', nameEn: 'Xicheng District Commission of Urban Management', level: 'DISTRICT', districtCode: '110102' },
  { code: '110102-CGZF', name: '西城区城市管理综合行政执法局', nameEn: 'Xicheng District Urban Management Law Enforcement Bureau', level: 'DISTRICT', districtCode: '110102' },
  { code: '110102-GA', name: '北京市公安局西城分局', nameEn: 'Xicheng Branch, Beijing Public Security Bureau', level: 'DISTRICT', districtCode: '110102' },
  { code: '110102-XF', name: '北京市西城区消防救援支队', nameEn: 'Xicheng District Fire and Rescue Detachment', level: 'DISTRICT', districtCode: '110102' },
  { code: '110102-SCJG', name: '西城区市场监督管理局', nameEn: 'Xicheng District Administration for Market Regulation', level: 'DISTRICT', districtCode: '110102' },
  { code: '110102-ZJW', name: '西城区住房和城市建设委员会', nameEn: 'Xicheng District Commission of Housing and Urban Development', level: 'DISTRICT', districtCode: '110102' },
  { code: '110102-STHJ', name: '北京市西城区生态环境局', nameEn: 'Xicheng District Ecology and Environment Bureau', level: 'DISTRICT', districtCode: '110102' },
  { code: '110102-YLLH', name: '西城区园林绿化局', nameEn: 'Xicheng District Landscaping and Greening Bureau', level: 'DISTRICT', districtCode: '110102' },
  { code: '110102-MZJ', name: '西城区民政局', nameEn: 'Xicheng District Civil Affairs Bureau', level: 'DISTRICT', districtCode: '110102' },

  // ---- 丰台区 (cross-district whistle partner of 西城广外街道) ----
  { code: '110106-CGZF', name: '丰台区城市管理综合行政执法局', nameEn: 'Fengtai District Urban Management Law Enforcement Bureau', level: 'DISTRICT', districtCode: '110106' },
  { code: '110106-GA', name: '北京市公安局丰台分局', nameEn: 'Fengtai Branch, Beijing Public Security Bureau', level: 'DISTRICT', districtCode: '110106' },
  { code: '110106-SCJG', name: '丰台区市场监督管理局', nameEn: 'Fengtai District Administration for Market Regulation', level: 'DISTRICT', districtCode: '110106' },

  // ---- Street offices summoned across a district boundary (seed articles 002, 004: 广外 and 太平桥) ----
  { code: '110106002-JD', name: '丰台区太平桥街道办事处', nameEn: 'Taipingqiao Subdistrict Office, Fengtai', level: 'STREET', districtCode: '110106', streetCode: '110106002' },
  { code: '110102020-JD', name: '西城区广安门外街道办事处', nameEn: "Guang'anmenwai Subdistrict Office, Xicheng", level: 'STREET', districtCode: '110102', streetCode: '110102020' },

  // ---- 石景山区 ----
  { code: '110107-CGW', name: '石景山区城市管理委员会', nameEn: 'Shijingshan District Commission of Urban Management', level: 'DISTRICT', districtCode: '110107' },
  { code: '110107-CGZF', name: '石景山区城市管理综合行政执法局', nameEn: 'Shijingshan District Urban Management Law Enforcement Bureau', level: 'DISTRICT', districtCode: '110107' },
  { code: '110107-GA', name: '北京市公安局石景山分局', nameEn: 'Shijingshan Branch, Beijing Public Security Bureau', level: 'DISTRICT', districtCode: '110107' },
  { code: '110107-XF', name: '北京市石景山区消防救援支队', nameEn: 'Shijingshan District Fire and Rescue Detachment', level: 'DISTRICT', districtCode: '110107' },
  { code: '110107-SCJG', name: '石景山区市场监督管理局', nameEn: 'Shijingshan District Administration for Market Regulation', level: 'DISTRICT', districtCode: '110107' },
  { code: '110107-ZJW', name: '石景山区住房和城乡建设委员会', nameEn: 'Shijingshan District Commission of Housing and Urban-Rural Development', level: 'DISTRICT', districtCode: '110107' },
  { code: '110107-STHJ', name: '北京市石景山区生态环境局', nameEn: 'Shijingshan District Ecology and Environment Bureau', level: 'DISTRICT', districtCode: '110107' },
  { code: '110107-MZJ', name: '石景山区民政局', nameEn: 'Shijingshan District Civil Affairs Bureau', level: 'DISTRICT', districtCode: '110107' },

  // ---- 大兴区 (roof-leak sweep and stalled-estate case, seed 004) ----
  { code: '110115-CGW', name: '大兴区城市管理委员会', nameEn: 'Daxing District Commission of Urban Management', level: 'DISTRICT', districtCode: '110115' }, // seed article (区城管局)
  { code: '110115-CGZH', name: '大兴区城市管理指挥中心', nameEn: 'Daxing District Urban Management Command Center', level: 'DISTRICT', districtCode: '110115' }, // seed article
  { code: '110115-ZJW', name: '大兴区住房和城乡建设委员会', nameEn: 'Daxing District Commission of Housing and Urban-Rural Development', level: 'DISTRICT', districtCode: '110115' }, // seed article (区住建委)
  { code: '110115-CZJ', name: '大兴区财政局', nameEn: 'Daxing District Finance Bureau', level: 'DISTRICT', districtCode: '110115' }, // seed article (区财政局)
  { code: '110115-GD', name: '国网北京大兴供电公司', nameEn: 'State Grid Beijing Daxing Power Supply Company', level: 'DISTRICT', districtCode: '110115' }, // seed article (区供电公司)

  // ---- 怀柔区 ----
  { code: '110116-STHJ', name: '北京市怀柔区生态环境局', nameEn: 'Huairou District Ecology and Environment Bureau', level: 'DISTRICT', districtCode: '110116' },
  { code: '110116-ZJW', name: '怀柔区住房和城乡建设委员会', nameEn: 'Huairou District Commission of Housing and Urban-Rural Development', level: 'DISTRICT', districtCode: '110116' },

  // ---- 平谷区 (where 乡镇吹哨、部门报到 began) ----
  { code: '110117-CGW', name: '平谷区城市管理委员会', nameEn: 'Pinggu District Commission of Urban Management', level: 'DISTRICT', districtCode: '110117' },
  { code: '110117-CGZF', name: '平谷区城市管理综合行政执法局', nameEn: 'Pinggu District Urban Management Law Enforcement Bureau', level: 'DISTRICT', districtCode: '110117' },
  { code: '110117-GA', name: '北京市公安局平谷分局', nameEn: 'Pinggu Branch, Beijing Public Security Bureau', level: 'DISTRICT', districtCode: '110117' },
  { code: '110117-XF', name: '北京市平谷区消防救援支队', nameEn: 'Pinggu District Fire and Rescue Detachment', level: 'DISTRICT', districtCode: '110117' },
  { code: '110117-SCJG', name: '平谷区市场监督管理局', nameEn: 'Pinggu District Administration for Market Regulation', level: 'DISTRICT', districtCode: '110117' },
  { code: '110117-JTJ', name: '平谷区交通局', nameEn: 'Pinggu District Transport Bureau', level: 'DISTRICT', districtCode: '110117' },
  { code: '110117-ZJW', name: '平谷区住房和城乡建设委员会', nameEn: 'Pinggu District Commission of Housing and Urban-Rural Development', level: 'DISTRICT', districtCode: '110117' },
  { code: '110117-STHJ', name: '北京市平谷区生态环境局', nameEn: 'Pinggu District Ecology and Environment Bureau', level: 'DISTRICT', districtCode: '110117' },
  { code: '110117-SWJ', name: '平谷区水务局', nameEn: 'Pinggu District Water Affairs Bureau', level: 'DISTRICT', districtCode: '110117' },
  { code: '110117-YLLH', name: '平谷区园林绿化局', nameEn: 'Pinggu District Landscaping and Greening Bureau', level: 'DISTRICT', districtCode: '110117' },
  { code: '110117-GHZY', name: '北京市规划和自然资源委员会平谷分局', nameEn: 'Pinggu Branch, Beijing Commission of Planning and Natural Resources', level: 'DISTRICT', districtCode: '110117' },
  { code: '110117-NYNC', name: '平谷区农业农村局', nameEn: 'Pinggu District Agriculture and Rural Affairs Bureau', level: 'DISTRICT', districtCode: '110117' },
  { code: '110117-MZJ', name: '平谷区民政局', nameEn: 'Pinggu District Civil Affairs Bureau', level: 'DISTRICT', districtCode: '110117' },
  { code: '110117-FY', name: '北京市平谷区人民法院', nameEn: "Pinggu District People's Court", level: 'DISTRICT', districtCode: '110117' }, // seed article (平谷法院 judge liaison points)
];

// ---------------------------------------------------------------------------------------------
// City components (城市部件). The two-level codes (class + item) follow the style of the
// CJ/T 214 component classification, simplified for the demo; they are not the official item codes.
// ---------------------------------------------------------------------------------------------

export const ASSET_KINDS: SeedAssetKind[] = [
  { code: '0101', name: '井盖', nameEn: 'Manhole cover' },
  { code: '0102', name: '雨水箅子', nameEn: 'Storm drain grate' },
  { code: '0103', name: '消防栓', nameEn: 'Fire hydrant' },
  { code: '0104', name: '路灯', nameEn: 'Street lamp' },
  { code: '0201', name: '路名牌', nameEn: 'Street name sign' },
  { code: '0202', name: '非机动车停车架', nameEn: 'Bicycle parking rack' },
  { code: '0203', name: '地锁', nameEn: 'Parking ground lock' },
  { code: '0204', name: '交通护栏', nameEn: 'Traffic guardrail' },
  { code: '0301', name: '垃圾桶', nameEn: 'Litter bin' },
  { code: '0302', name: '公共厕所', nameEn: 'Public toilet' },
  { code: '0401', name: '行道树', nameEn: 'Street tree' },
  { code: '0601', name: '健身器材', nameEn: 'Outdoor fitness equipment' },
];

// ---------------------------------------------------------------------------------------------
// Name parts for generating fictional people (grid workers, residents, alley stewards).
// ---------------------------------------------------------------------------------------------

export const SURNAMES: string[] = [
  '王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴',
  '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗',
  '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '肖',
  '程', '曹', '袁', '邓', '许', '傅', '沈', '曾', '彭', '吕',
];

export const GIVEN_NAMES: string[] = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋',
  '勇', '艳', '杰', '娟', '涛', '明', '超', '霞', '平', '刚',
  '秀英', '桂英', '建国', '建华', '淑珍', '玉兰', '志强', '海燕', '红梅', '晓东',
  '丽华', '国强', '秀兰', '春生', '金凤', '德明', '文静', '子涵', '浩然', '欣怡',
  '宇航', '思远', '雨桐', '一诺', '佳琪', '俊杰', '晨曦', '梓萱', '建平', '卫东',
  '永红', '淑芬', '桂兰', '凤英', '振华', '立新', '学军', '婷婷', '亚楠', '鹏飞',
];
