/**
 * Hazardous waste (有害垃圾, red bin): batteries other than ordinary alkaline cells, mercury lamps and
 * thermometers, medicines, paints, pesticides and household chemicals. Never crush, pour out or take apart.
 */
import { item, tip } from './item.ts';

const BATTERY = tip(
  '保持完整，不要拆解或挤压；锂电池正负极用胶带贴住。',
  'Keep it whole: never open or crush it; tape over the terminals of lithium cells.',
);
const BIG_BATTERY = tip(
  '体积大，请交给销售商或有害垃圾回收点，不要放进普通垃圾桶。',
  'Too big for the bin: return it to the seller or a hazardous-waste point.',
);
const LAMP = tip(
  '轻拿轻放，整支或整只投放，不要打碎；碎了用纸包好。',
  'Handle gently and keep it whole; if it breaks, wrap the pieces in paper.',
);
const MERCURY = tip(
  '含汞，完整投放；打碎了不要用吸尘器，用湿纸巾收集后密封投放并开窗通风。',
  'Contains mercury. If broken, never vacuum: gather it with damp tissue, seal it and air the room.',
);
const MEDICINE = tip(
  '连同药瓶、药板等包装一起投放，不要倒进下水道；纸质外盒可回收。',
  'Bin it in its bottle or blister pack; never flush it. The paper outer box is recyclable.',
);
const CHEMICAL = tip(
  '连同容器一起投放，盖紧防漏，不要倒进下水道或混合。',
  'Bin it in its container with the lid on tight; never pour it away or mix chemicals.',
);
const AEROSOL = tip('连同罐子一起投放，不要刺穿或焚烧。', 'Bin the whole can; never pierce or burn it.');
const CARTRIDGE = tip(
  '放回原包装或装袋投放，防止墨粉泄漏；部分品牌有回收计划。',
  'Bag it to stop toner leaking; many brands take cartridges back.',
);
const FILM = tip(
  '含银盐等化学物质，整卷或整张投放。',
  'Film contains silver salts and chemicals: bin it whole.',
);

export const hazardous = [
  // Batteries (ordinary alkaline AA/AAA cells are other waste: see other.ts)
  item(
    '充电电池',
    'Rechargeable battery',
    ['可充电电池', '镍氢电池', '镍镉电池', 'rechargeable batteries'],
    BATTERY,
  ),
  item('锂电池', 'Lithium battery', ['锂离子电池', '18650电池', 'li-ion battery'], BATTERY),
  item('纽扣电池', 'Button cell', ['纽扣电池片', '手表电池', '扣式电池', 'coin cell'], BATTERY),
  item('手机电池', 'Mobile phone battery', ['旧手机电池'], BATTERY),
  item('笔记本电池', 'Laptop battery', ['电脑电池'], BATTERY),
  item('相机电池', 'Camera battery', ['数码电池'], BATTERY),
  item('充电宝', 'Power bank', ['移动电源', 'portable charger'], BATTERY),
  item('电动车电池', 'E-bike battery', ['电瓶车电池', '电动自行车电池'], BIG_BATTERY),
  item('铅酸蓄电池', 'Lead-acid battery', ['蓄电池', '电瓶', '汽车电瓶', 'car battery'], BIG_BATTERY),
  item(
    '电子烟',
    'E-cigarette',
    ['电子烟杆', '一次性电子烟', 'vape'],
    tip('内含锂电池，整支投放，不要拆开。', 'It holds a lithium battery: bin it whole, never open it.'),
  ),
  item('汞电池', 'Mercury battery', ['含汞电池', '氧化汞电池'], BATTERY),

  // Lamps and mercury
  item('荧光灯管', 'Fluorescent tube', ['日光灯管', '灯管', '日光灯', 'strip light'], LAMP),
  item('节能灯', 'Energy-saving bulb', ['节能灯泡', '荧光灯泡', 'CFL'], LAMP),
  item('紫外线灯管', 'UV lamp', ['消毒灯', '紫外灯'], LAMP),
  item('水银体温计', 'Mercury thermometer', ['水银温度计', '玻璃体温计', '体温计'], MERCURY),
  item('水银血压计', 'Mercury blood pressure meter', ['汞柱血压计'], MERCURY),

  // Medicines
  item(
    '过期药品',
    'Expired medicine',
    ['过期药', '药品', '药片', '胶囊', 'medicine', 'pills', 'tablets'],
    MEDICINE,
  ),
  item('药板', 'Blister pack', ['胶囊板', '铝塑板', '药品铝箔'], MEDICINE),
  item('过期药膏', 'Expired ointment', ['药膏', '软膏', 'ointment'], MEDICINE),
  item('过期眼药水', 'Expired eye drops', ['眼药水', 'eye drops'], MEDICINE),
  item('过期口服液', 'Expired oral liquid', ['口服液', '糖浆', '止咳糖浆', 'cough syrup'], MEDICINE),
  item('过期感冒药', 'Expired cold medicine', ['感冒药', '感冒冲剂', '颗粒冲剂'], MEDICINE),
  item('过期中成药', 'Expired Chinese patent medicine', ['中成药', '药丸'], MEDICINE),
  item('过期维生素片', 'Expired vitamin tablets', ['维生素', '钙片', 'vitamins'], MEDICINE),
  item('过期喷雾剂', 'Expired medicated spray', ['喷雾药', '云南白药喷雾'], MEDICINE),
  item('有剩药的药瓶', 'Medicine bottle with medicine left', ['药瓶', '药罐子'], MEDICINE),
  item('过期碘伏', 'Expired iodine antiseptic', ['碘伏', '碘酒', '红药水', '紫药水'], MEDICINE),
  item('过期药酒', 'Expired medicinal liquor', ['药酒'], MEDICINE),
  item('过期胰岛素', 'Expired insulin', ['胰岛素'], MEDICINE),

  // Paints, solvents and glues
  item('油漆', 'Paint', ['油漆桶', '剩油漆', 'paint tin'], CHEMICAL),
  item('涂料', 'Wall paint', ['乳胶漆', '墙面漆', 'emulsion paint'], CHEMICAL),
  item('稀释剂', 'Paint thinner', ['天那水', '松香水', '香蕉水', 'thinner'], CHEMICAL),
  item('喷漆罐', 'Spray paint can', ['自喷漆', '喷漆'], AEROSOL),
  item('木器漆', 'Wood varnish', ['清漆', 'varnish'], CHEMICAL),
  item('机油', 'Motor oil', ['润滑油', '废机油', '发动机油', 'engine oil'], CHEMICAL),
  item('防冻液', 'Antifreeze', ['冷却液'], CHEMICAL),

  // Pesticides and household chemicals
  item('杀虫剂', 'Insecticide', ['杀虫喷雾', '灭蚊喷雾', '杀虫气雾剂', 'bug spray'], AEROSOL),
  item('灭鼠药', 'Rat poison', ['老鼠药', '鼠药', 'rodenticide'], CHEMICAL),
  item('蟑螂药', 'Cockroach bait', ['灭蟑药', '蟑螂屋', '蟑螂胶饵'], CHEMICAL),
  item('灭蚁药', 'Ant killer', ['蚂蚁药'], CHEMICAL),
  item('农药', 'Pesticide', ['农药瓶', '杀菌剂', 'pesticides'], CHEMICAL),
  item('除草剂', 'Weedkiller', ['除草药', 'herbicide'], CHEMICAL),
  item('消毒液', 'Disinfectant', ['84消毒液', '消毒剂', '漂白水', '漂白剂', 'bleach'], CHEMICAL),
  item('指甲油', 'Nail polish', ['甲油', '指甲油瓶', 'nail varnish'], CHEMICAL),
  item('洗甲水', 'Nail polish remover', ['卸甲水', '丙酮'], CHEMICAL),
  item('染发剂', 'Hair dye', ['染发膏', '焗油膏', '染发剂瓶'], CHEMICAL),
  item('显影液', 'Photo developer', ['定影液', '冲洗药水'], CHEMICAL),

  // Print consumables and film
  item('硒鼓', 'Toner cartridge', ['碳粉盒', '墨粉盒', 'toner'], CARTRIDGE),
  item('墨盒', 'Ink cartridge', ['打印机墨盒', '墨水盒'], CARTRIDGE),
  item('X光片', 'X-ray film', ['CT片', '胸片', '医用胶片', 'x ray'], FILM),
  item('胶卷', 'Camera film', ['相机胶卷', '底片', '菲林', 'negatives'], FILM),
];
