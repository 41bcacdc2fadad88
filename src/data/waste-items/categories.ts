/**
 * What the guide says about each of the four categories of GB/T 19095-2019, in both languages: what belongs,
 * what does not, how to put it out, and the mistakes we see most. Written by the campaign team; the category
 * pages and the printable posters are built from it.
 */
import type { WasteCategory } from '../../lib/waste/categories.ts';

interface Text {
  zh: string;
  en: string;
}
interface List {
  zh: string[];
  en: string[];
}

export interface CategoryGuide {
  name: Text;
  /** Other names residents use (Shanghai calls kitchen waste 湿垃圾 and other waste 干垃圾). */
  alsoCalled: Text;
  summary: Text;
  belongs: List;
  notBelongs: List;
  howTo: List;
  mistakes: List;
}

export const categoryGuides: Record<WasteCategory, CategoryGuide> = {
  recyclable: {
    name: { zh: '可回收物', en: 'Recyclables' },
    alsoCalled: { zh: '蓝色桶', en: 'blue bin' },
    summary: {
      zh: '适宜回收、可以再生利用的废弃物：干净的纸、塑料、玻璃、金属、织物和废旧电器。',
      en: 'Waste that can be made into something new: clean paper, plastic, glass, metal, textiles and old electrical goods.',
    },
    belongs: {
      zh: [
        '纸类：报纸、书本、纸箱、牛奶盒',
        '塑料：饮料瓶、洗发水瓶、塑料盆、保鲜盒',
        '玻璃：酒瓶、玻璃罐、玻璃杯',
        '金属：易拉罐、罐头盒、锅、剪刀',
        '织物：旧衣服、床单、毛绒玩具、鞋',
        '电器电子产品：手机、电脑、电饭煲、充电器',
      ],
      en: [
        'Paper: newspapers, books, cardboard boxes, milk cartons',
        'Plastic: drink bottles, shampoo bottles, basins, food boxes',
        'Glass: bottles, jars, drinking glasses',
        'Metal: drink cans, food tins, pots and pans, scissors',
        'Textiles: old clothes, bed sheets, soft toys, shoes',
        'Electrical goods: phones, computers, rice cookers, chargers',
      ],
    },
    notBelongs: {
      zh: [
        '用过的纸巾、卫生纸、湿巾（其他垃圾）',
        '沾满油污的外卖盒、披萨盒（其他垃圾）',
        '陶瓷碗碟、镜子（其他垃圾）',
        '充电电池、灯管（有害垃圾）',
      ],
      en: [
        'Used tissues, toilet paper, wet wipes (other waste)',
        'Greasy takeaway boxes and pizza boxes (other waste)',
        'Ceramic bowls and plates, mirrors (other waste)',
        'Rechargeable batteries, fluorescent tubes (hazardous)',
      ],
    },
    howTo: {
      zh: [
        '倒空、冲洗、沥干，保持干燥',
        '纸箱拆开压平，瓶罐尽量压扁',
        '碎玻璃、刀具包好并注明',
        '电器先取出电池；大件电器预约上门回收',
      ],
      en: [
        'Empty, rinse and drain; keep it dry',
        'Flatten boxes; squash bottles and cans',
        'Wrap broken glass and blades and mark them',
        'Take batteries out of devices; book a collection for large appliances',
      ],
    },
    mistakes: {
      zh: [
        '把用过的纸巾当成纸类回收',
        '瓶子里还留着饮料或食物',
        '把整袋混合垃圾投进蓝桶',
        '以为所有塑料都能回收：塑料袋和保鲜膜是其他垃圾',
      ],
      en: [
        'Putting used tissues in with paper',
        'Bottles still holding drink or food',
        'Dropping a whole bag of mixed rubbish in the blue bin',
        'Thinking all plastic recycles: plastic bags and cling film are other waste',
      ],
    },
  },
  hazardous: {
    name: { zh: '有害垃圾', en: 'Hazardous waste' },
    alsoCalled: { zh: '红色桶', en: 'red bin' },
    summary: {
      zh: '对人体健康或环境有直接或潜在危害的生活废弃物，需要单独收运、专门处理。',
      en: 'Household waste that can harm people or the environment. It is collected on its own and treated specially.',
    },
    belongs: {
      zh: [
        '充电电池、纽扣电池、蓄电池、充电宝',
        '荧光灯管、节能灯',
        '水银体温计、水银血压计',
        '过期药品及其药瓶、药板',
        '油漆、稀释剂、杀虫剂、消毒液',
        '墨盒、硒鼓、X光片、胶卷',
      ],
      en: [
        'Rechargeable, button and lead-acid batteries, power banks',
        'Fluorescent tubes and energy-saving bulbs',
        'Mercury thermometers and blood pressure meters',
        'Expired medicine with its bottle or blister pack',
        'Paint, thinner, insecticide, disinfectant',
        'Ink and toner cartridges, X-ray film, camera film',
      ],
    },
    notBelongs: {
      zh: [
        '普通碱性干电池（其他垃圾）',
        '药品的纸质外盒、说明书（可回收物）',
        '倒空冲洗过的洗发水瓶、洗洁精瓶（可回收物）',
        '用过的口罩、棉签（其他垃圾）',
      ],
      en: [
        'Ordinary alkaline AA/AAA batteries (other waste)',
        'Paper medicine boxes and leaflets (recyclable)',
        'Rinsed shampoo and washing-up liquid bottles (recyclable)',
        'Used face masks and cotton buds (other waste)',
      ],
    },
    howTo: {
      zh: [
        '轻拿轻放，保持完整，不要拆解或打碎',
        '液体连同容器投放，盖紧防漏',
        '锂电池正负极贴上胶带',
        '灯管碎了用纸包好；水银洒出不要用吸尘器',
      ],
      en: [
        'Handle gently and keep it whole: never open or break it',
        'Bin liquids in their container with the lid on tight',
        'Tape over the terminals of lithium batteries',
        'Wrap broken tubes in paper; never vacuum spilt mercury',
      ],
    },
    mistakes: {
      zh: [
        '把过期药倒进马桶或下水道',
        '把所有电池都当有害垃圾，或把充电宝扔进其他垃圾',
        '把油漆、农药倒掉后只扔空桶',
        '把荧光灯管砸碎后再投放',
      ],
      en: [
        'Flushing expired medicine down the toilet or sink',
        'Treating every battery alike: power banks are hazardous, alkaline cells are not',
        'Pouring out paint or pesticide and binning only the empty tin',
        'Breaking fluorescent tubes to make them fit',
      ],
    },
  },
  kitchen: {
    name: { zh: '厨余垃圾', en: 'Kitchen waste' },
    alsoCalled: { zh: '湿垃圾、易腐垃圾，绿色桶', en: 'food waste, wet waste, green bin' },
    summary: {
      zh: '易腐烂的生物质废弃物：剩菜剩饭、果皮菜叶、小骨头、茶叶渣和花草。',
      en: 'Waste that rots: leftovers, peel and vegetable scraps, small bones, tea leaves, flowers.',
    },
    belongs: {
      zh: [
        '剩菜剩饭、过期食品',
        '果皮、果核、菜叶、菜根',
        '鸡鸭鱼的小骨头、鱼鳞、内脏',
        '虾壳、蟹壳、蛋壳',
        '茶叶渣、咖啡渣、中药渣',
        '坚果和果壳、鲜花、绿植',
      ],
      en: [
        'Leftovers and expired food',
        'Fruit peel and stones, vegetable leaves and roots',
        'Small chicken, duck and fish bones, scales, guts',
        'Shrimp and crab shells, eggshells',
        'Tea leaves, coffee grounds, boiled herbal medicine',
        'Nuts and nutshells, cut flowers, houseplants',
      ],
    },
    notBelongs: {
      zh: [
        '猪牛羊的大骨头（其他垃圾）',
        '榴莲壳、椰子壳、玉米芯（其他垃圾）',
        '贝壳、蛤蜊壳、生蚝壳（其他垃圾）',
        '装食物的塑料袋、餐盒、茶包袋（其他垃圾）',
      ],
      en: [
        'Big pork, beef or mutton bones (other waste)',
        'Durian husks, coconut shells, corn cobs (other waste)',
        'Clam, scallop and oyster shells (other waste)',
        'Plastic bags, boxes and tea bags the food came in (other waste)',
      ],
    },
    howTo: {
      zh: [
        '沥干汤水，汤水倒进下水道',
        '去掉包装，食物倒进桶里',
        '塑料袋另投其他垃圾，不要连袋投放',
        '废油装瓶密封，不要倒进下水道',
      ],
      en: [
        'Drain off liquids into the sink',
        'Take food out of its packaging and tip it in',
        'Never put the plastic bag in the green bin',
        'Seal used cooking oil in a bottle; never pour it down the drain',
      ],
    },
    mistakes: {
      zh: [
        '连塑料袋一起扔进厨余桶',
        '大骨头、贝壳当作厨余垃圾',
        '把纸巾、餐巾纸混进厨余',
        '汤水不沥干，桶里积水发臭',
      ],
      en: [
        'Binning the plastic bag with the food',
        'Treating big bones and seashells as food waste',
        'Mixing in napkins and tissues',
        'Leaving liquid in, which makes the bin smell',
      ],
    },
  },
  other: {
    name: { zh: '其他垃圾', en: 'Other waste' },
    alsoCalled: { zh: '干垃圾，灰色桶', en: 'residual waste, dry waste, grey bin' },
    summary: {
      zh: '除可回收物、有害垃圾、厨余垃圾以外的生活垃圾：污损的纸、一次性用品、陶瓷、大骨头等。',
      en: 'Everything that is not recyclable, hazardous or kitchen waste: soiled paper, disposables, ceramics, big bones and more.',
    },
    belongs: {
      zh: [
        '用过的纸巾、卫生纸、湿巾',
        '纸尿裤、卫生巾、口罩',
        '塑料袋、保鲜膜、零食包装袋',
        '一次性餐具、沾油的外卖盒',
        '陶瓷碗碟、大骨头、贝壳、榴莲壳',
        '烟头、灰尘、猫砂、普通干电池',
      ],
      en: [
        'Used tissues, toilet paper, wet wipes',
        'Nappies, sanitary pads, face masks',
        'Plastic bags, cling film, snack wrappers',
        'Disposable cutlery, greasy takeaway boxes',
        'Ceramics, big bones, seashells, durian husks',
        'Cigarette ends, dust, cat litter, alkaline batteries',
      ],
    },
    notBelongs: {
      zh: [
        '干净的纸、瓶罐、旧衣服（可回收物）',
        '剩饭菜、果皮（厨余垃圾）',
        '充电电池、过期药品（有害垃圾）',
        '大件家具、装修垃圾（预约单独清运）',
      ],
      en: [
        'Clean paper, bottles, cans, old clothes (recyclable)',
        'Leftovers and peel (kitchen waste)',
        'Rechargeable batteries, expired medicine (hazardous)',
        'Furniture and renovation waste (book a separate collection)',
      ],
    },
    howTo: {
      zh: ['装袋扎紧后投放', '尽量沥干水分', '锋利物品包好', '先把能回收的、有害的、厨余的分出来'],
      en: [
        'Bag it and tie the bag',
        'Keep it as dry as you can',
        'Wrap anything sharp',
        'Take out recyclables, hazardous items and food first',
      ],
    },
    mistakes: {
      zh: [
        '把拿不准的都扔进其他垃圾',
        '把剩饭菜混在袋子里',
        '把干净的纸箱、瓶子当成其他垃圾',
        '把充电宝、电子烟扔进灰桶',
      ],
      en: [
        'Putting everything you are unsure of here: search the guide first',
        'Leaving food scraps in the bag',
        'Throwing away clean boxes and bottles that could be recycled',
        'Putting power banks or e-cigarettes in the grey bin',
      ],
    },
  },
};
