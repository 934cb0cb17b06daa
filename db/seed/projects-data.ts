/**
 * The twelve brand projects (品牌项目) of "爱在江北" used to seed the database.
 *
 * Only 智慧果 and 云守护 are named in the source article; the other ten are demo projects (isDemo: true)
 * written to be plausible for a district assistance programme. No figures here are the real programme's.
 * Money is in integer fen (¥1 = 100 fen). areaIds: [] means the whole district.
 */

export type SeedProject = {
  slug: string;
  nameZh: string;
  nameEn: string;
  summaryZh: string;
  summaryEn: string;
  storyZh: string;
  storyEn: string;
  isDemo: boolean;
  categories: Array<
    'life' | 'integration' | 'education' | 'medical' | 'elderly_care' | 'disability' | 'employment' | 'emergency'
  >;
  kinds: Array<'material' | 'service' | 'both'>;
  populations: Array<'children' | 'elderly' | 'disabled' | 'limited_mobility' | 'low_income'>;
  areaIds: string[];
  goalFen: number;
  capacityPerMonth: number;
  typicalCostFen: number;
  startsOn: string;
};

export const seedProjects: SeedProject[] = [
  {
    slug: 'zhihuiguo',
    nameZh: '智慧果',
    nameEn: 'Wisdom Fruit',
    summaryZh: '为困难家庭的孩子提供综合素质教育，在学业、兴趣和成长上多给一份支持。',
    summaryEn:
      'Comprehensive-quality education for children from families in hardship: help with schoolwork, interests and growing up.',
    storyZh:
      '“智慧果”是面向困难家庭儿童的综合素质教育项目，服务对象包括低保、低边家庭，以及因病、因残陷入困境的家庭中的孩子。\n\n' +
      '项目采用“物质+服务”的方式：一方面为孩子配齐学习用品、课外书籍和必要的学习设备，另一方面由社工和志愿者开展课业辅导、阅读、艺术、科学等兴趣活动，并在寒暑假组织成长营。\n\n' +
      '项目覆盖江北全区，孩子可以在所在社区或村的活动场所就近参加。',
    storyEn:
      'Wisdom Fruit is a comprehensive-quality education project for children from families in hardship: families on minimum living support or just above it, and families struggling because of illness or disability.\n\n' +
      'It works as "material + service". Children receive school supplies, books and, where needed, study equipment, while social workers and volunteers offer tutoring, reading, art and science activities, and growth camps in the winter and summer holidays.\n\n' +
      'The project covers the whole of Jiangbei; children take part in activity rooms in their own community or village.',
    isDemo: false,
    categories: ['education', 'integration'],
    kinds: ['material', 'service', 'both'],
    populations: ['children', 'low_income'],
    areaIds: [],
    goalFen: 25_000_000,
    capacityPerMonth: 40,
    typicalCostFen: 150_000,
    startsOn: '2025-03-01',
  },
  {
    slug: 'yunshouhu',
    nameZh: '云守护',
    nameEn: 'Cloud Guardian',
    summaryZh: '关爱行动不便的困难群众，上门探访与远程问候相结合，让居家生活更安心。',
    summaryEn:
      'Care for people in hardship who have trouble getting around: home visits combined with remote check-ins, so life at home feels safer.',
    storyZh:
      '“云守护”关爱的是行动不便的困难群众，包括高龄独居老人、重度残疾人和长期卧床的病人，他们出门难，求助也难。\n\n' +
      '社工和志愿者定期上门探访，帮忙代购代办、陪同就医；平时通过电话和视频问候，随时了解身体和生活情况。项目还为有需要的家庭配备紧急呼叫设备、助行器等辅具，做到物质帮扶和服务两头兼顾。\n\n' +
      '项目覆盖江北全区各街道和村社。',
    storyEn:
      'Cloud Guardian cares for people in hardship with limited mobility: older people living alone, people with severe disabilities and people confined to bed, for whom going out, and even asking for help, is hard.\n\n' +
      'Social workers and volunteers visit regularly, run errands and go along to medical appointments, and keep in touch between visits by phone and video call. Where needed, the project also provides emergency call devices and walking aids, so that material help and services go together.\n\n' +
      'It covers every sub-district, community and village in Jiangbei.',
    isDemo: false,
    categories: ['life', 'elderly_care', 'disability'],
    kinds: ['material', 'service', 'both'],
    populations: ['limited_mobility', 'elderly', 'disabled'],
    areaIds: [],
    goalFen: 20_000_000,
    capacityPerMonth: 30,
    typicalCostFen: 80_000,
    startsOn: '2025-03-01',
  },
  {
    slug: 'nuandongxing',
    nameZh: '暖冬行',
    nameEn: 'Warm Winter',
    summaryZh: '入冬前为困难家庭送去棉被、冬衣和取暖用品，帮助他们温暖过冬。',
    summaryEn:
      'Before the cold sets in, quilts, winter clothing and heating supplies go to families in hardship so they can get through the winter.',
    storyZh:
      '江北的冬天湿冷，不少困难家庭住房老旧、保暖条件差，独居老人和有孩子的低收入家庭尤其难熬。\n\n' +
      '“暖冬行”每年入冬前集中摸排需求，按每户情况配送棉被、冬衣、电热毯、取暖器等物资，由网格员和社工送到家中，顺便检查用电安全。\n\n' +
      '项目面向江北全区，每年11月至次年2月集中发放。',
    storyEn:
      'Jiangbei winters are damp and cold. Many families in hardship live in old housing that is hard to keep warm, and older people living alone and low-income families with children feel it most.\n\n' +
      'Each year before winter, Warm Winter gathers requests and delivers what each household needs: quilts, winter clothes, electric blankets, heaters. Grid workers and social workers bring them to the door and check that the wiring is safe while they are there.\n\n' +
      'The project covers the whole district; deliveries run from November to February.',
    isDemo: true,
    categories: ['life'],
    kinds: ['material'],
    populations: ['low_income', 'elderly', 'children'],
    areaIds: [],
    goalFen: 15_000_000,
    capacityPerMonth: 40,
    typicalCostFen: 60_000,
    startsOn: '2025-10-15',
  },
  {
    slug: 'jishiyu',
    nameZh: '及时雨',
    nameEn: 'Timely Help',
    summaryZh: '为突遭变故的困难家庭提供临时救助，先解燃眉之急，再帮助对接长期保障。',
    summaryEn:
      'Quick, temporary relief for families hit by a sudden crisis: first the urgent needs, then help connecting to longer-term support.',
    storyZh:
      '突发重病、意外事故、火灾，或是家中主要劳动力离世，都可能让一个家庭一夜之间陷入困境。\n\n' +
      '“及时雨”在核实情况后尽快提供临时生活费、基本生活物资或医疗费用补助；社工同步开展评估，协助家庭申请临时救助、医疗救助等政策保障，并在之后一段时间里跟进回访。\n\n' +
      '项目覆盖江北全区，遇到紧急情况，可以由网格员或社区代为提交需求。',
    storyEn:
      'A sudden serious illness, an accident, a house fire or the death of the main earner can push a family into hardship overnight.\n\n' +
      'Once the situation is verified, Timely Help quickly provides temporary living money, basic supplies or help with medical bills. At the same time a social worker assesses the family, helps them apply for government temporary and medical assistance, and stays in touch in the weeks that follow.\n\n' +
      'The project covers the whole district. In an emergency, a grid worker or the community can submit the request for the family.',
    isDemo: true,
    categories: ['emergency', 'life', 'medical'],
    kinds: ['material', 'service', 'both'],
    populations: ['low_income', 'children', 'elderly', 'disabled'],
    areaIds: [],
    goalFen: 30_000_000,
    capacityPerMonth: 20,
    typicalCostFen: 300_000,
    startsOn: '2025-04-01',
  },
  {
    slug: 'linliban',
    nameZh: '邻里伴',
    nameEn: 'Good Neighbours',
    summaryZh: '邻居志愿者与独居、空巢老人结对，定期上门聊天、搭把手，让老人不再孤单。',
    summaryEn:
      'Neighbourhood volunteers pair up with older people living alone for regular visits, a chat and a helping hand.',
    storyZh:
      '老城区里不少老人子女不在身边，独自生活，平时缺少说话的人，遇到小事也没人搭把手。\n\n' +
      '“邻里伴”招募同一小区的居民做志愿者，与老人一对一结对，每周至少上门或电话问候一次，帮忙看药品说明、换灯泡、陪着散散步；社工定期培训志愿者，发现老人健康或生活上有变化，及时跟进转介。\n\n' +
      '项目目前在中马、白沙、孔浦三个街道的老小区开展。',
    storyEn:
      'In the older parts of town, many older people live alone with their children far away. They have few people to talk to and no one to lend a hand with small things.\n\n' +
      'Good Neighbours recruits residents of the same estate as volunteers and pairs each one with an older neighbour. Volunteers visit or call at least once a week, read medicine labels, change a light bulb or go for a walk together. Social workers train the volunteers and step in when they notice a change in health or circumstances.\n\n' +
      'The project currently runs in the older estates of Zhongma, Baisha and Kongpu sub-districts.',
    isDemo: true,
    categories: ['elderly_care', 'integration'],
    kinds: ['service'],
    populations: ['elderly', 'limited_mobility'],
    areaIds: ['zhongma', 'baisha', 'kongpu'],
    goalFen: 6_000_000,
    capacityPerMonth: 25,
    typicalCostFen: 30_000,
    startsOn: '2025-05-01',
  },
  {
    slug: 'nuanxincan',
    nameZh: '暖心餐',
    nameEn: 'Warm Meals',
    summaryZh: '为高龄、独居和行动不便的困难老人提供助餐服务，让老人吃得上、吃得好。',
    summaryEn:
      'Meal support for older people in hardship who are very old, live alone or cannot get around easily, with delivery when needed.',
    storyZh:
      '对一些高龄、独居或行动不便的困难老人来说，一日三餐是件难事。\n\n' +
      '“暖心餐”与社区老年食堂和助餐点合作，为困难老人提供用餐补贴；出不了门的老人由志愿者送餐上门，送餐时顺便看看老人的身体和居家情况，有异常及时告诉社工和家属。\n\n' +
      '项目在文教、庄桥、洪塘三个街道开展。',
    storyEn:
      'For some older people in hardship, such as the very old, those living alone and those who cannot get around, three meals a day is a real struggle.\n\n' +
      'Warm Meals works with community canteens and meal points for older people to subsidise their meals. For those who cannot leave home, volunteers deliver the meal and take the chance to check on their health and home, letting the social worker and the family know if something seems wrong.\n\n' +
      'The project runs in Wenjiao, Zhuangqiao and Hongtang sub-districts.',
    isDemo: true,
    categories: ['elderly_care', 'life'],
    kinds: ['material', 'service', 'both'],
    populations: ['elderly', 'limited_mobility', 'low_income'],
    areaIds: ['wenjiao', 'zhuangqiao', 'hongtang'],
    goalFen: 12_000_000,
    capacityPerMonth: 40,
    typicalCostFen: 45_000,
    startsOn: '2025-06-01',
  },
  {
    slug: 'kanglexing',
    nameZh: '康乐行',
    nameEn: 'Steps to Recovery',
    summaryZh: '为困难家庭中的残疾人和伤病康复者提供康复训练、辅具适配和就医支持。',
    summaryEn:
      'Rehabilitation, assistive devices and help with medical care for people in hardship who live with a disability or are recovering from illness.',
    storyZh:
      '残疾儿童、中风后的老人、因伤致残的青壮年，都需要长期、规律的康复，但康复费用和来回奔波常常让困难家庭望而却步。\n\n' +
      '“康乐行”联合康复机构和社区卫生服务中心，为服务对象评估康复需求，资助康复训练费用，适配轮椅、助行器、护理床等辅具；康复师上门指导家属做居家训练，社工协助申请残疾人相关补贴。\n\n' +
      '项目覆盖江北全区。',
    storyEn:
      'Children with disabilities, older people recovering from a stroke and working-age adults disabled by injury all need long, regular rehabilitation, and for families in hardship the cost and the travel are often too much.\n\n' +
      'Steps to Recovery works with rehabilitation centres and community health centres to assess each person, pay for rehabilitation sessions and fit assistive devices such as wheelchairs, walkers and care beds. Therapists visit homes to teach family members exercises, and social workers help with applications for disability allowances.\n\n' +
      'The project covers the whole district.',
    isDemo: true,
    categories: ['medical', 'disability'],
    kinds: ['material', 'service', 'both'],
    populations: ['disabled', 'limited_mobility', 'children', 'elderly'],
    areaIds: [],
    goalFen: 28_000_000,
    capacityPerMonth: 15,
    typicalCostFen: 350_000,
    startsOn: '2025-04-15',
  },
  {
    slug: 'qihang',
    nameZh: '启航',
    nameEn: 'Setting Sail',
    summaryZh: '为有劳动能力的困难群众和残疾人提供技能培训和就业对接，帮助他们靠双手增收。',
    summaryEn:
      'Skills training and job matching for people in hardship who are able to work, including people with disabilities, so they can earn their own income.',
    storyZh:
      '不少困难家庭里有劳动能力的成员，因为缺少技能、信息，或者身体原因，一直找不到稳定的工作。\n\n' +
      '“启航”根据每个人的情况推荐家政、养老护理、电商、面点等实用技能培训，资助培训和考证费用；结业后由社工和就业指导员对接辖区企业和公益性岗位，上岗后继续跟进，帮助稳定就业。\n\n' +
      '项目目前在孔浦、庄桥、洪塘三个街道开展。',
    storyEn:
      'In many families in hardship there is someone able to work who has never found a steady job, for lack of skills or information, or because of health problems.\n\n' +
      'Setting Sail suggests practical training that suits each person, such as housekeeping, elder care, online retail or pastry making, and pays course and certification fees. After the course, social workers and employment advisers connect trainees with local employers and public-welfare jobs, and keep in touch after they start so that the job lasts.\n\n' +
      'The project currently runs in Kongpu, Zhuangqiao and Hongtang sub-districts.',
    isDemo: true,
    categories: ['employment', 'integration', 'disability'],
    kinds: ['service', 'both'],
    populations: ['low_income', 'disabled'],
    areaIds: ['kongpu', 'zhuangqiao', 'hongtang'],
    goalFen: 10_000_000,
    capacityPerMonth: 12,
    typicalCostFen: 250_000,
    startsOn: '2025-07-01',
  },
  {
    slug: 'xinqing',
    nameZh: '心晴',
    nameEn: 'Brighter Days',
    summaryZh: '为身处困境的儿童、老人和家庭提供心理疏导和陪伴支持，帮助他们走出阴霾。',
    summaryEn:
      'Psychological support and companionship for children, older people and families going through hard times.',
    storyZh:
      '经济困难、亲人离世、疾病缠身，往往伴随着焦虑、孤独和自我封闭，困境儿童和独居老人尤其需要有人倾听。\n\n' +
      '“心晴”由心理咨询师和社工组成服务小组，开展一对一心理疏导、家庭辅导和互助小组活动，必要时协助转介专业医疗机构；志愿者定期陪伴，帮助服务对象重新和邻里、社区建立联系。\n\n' +
      '项目面向江北全区，服务可以在社区活动室进行，也可以上门。',
    storyEn:
      'Money troubles, the loss of a loved one or a long illness often bring anxiety, loneliness and withdrawal. Children in difficult circumstances and older people living alone especially need someone to listen.\n\n' +
      'Brighter Days teams counsellors with social workers to offer one-to-one counselling, family sessions and peer support groups, and refers people to medical care when needed. Volunteers keep them company regularly and help them reconnect with their neighbours and community.\n\n' +
      'The project covers the whole district; sessions take place in community activity rooms or at home.',
    isDemo: true,
    categories: ['integration', 'medical'],
    kinds: ['service'],
    populations: ['children', 'elderly', 'low_income'],
    areaIds: [],
    goalFen: 8_000_000,
    capacityPerMonth: 20,
    typicalCostFen: 40_000,
    startsOn: '2025-08-01',
  },
  {
    slug: 'anxinjia',
    nameZh: '安心家',
    nameEn: 'Safe at Home',
    summaryZh: '为困难老人和残疾人家庭做适老化和无障碍改造，减少跌倒和用电用气隐患。',
    summaryEn:
      'Home safety and accessibility work for older and disabled people in hardship, to prevent falls and gas and electrical hazards.',
    storyZh:
      '老房子里的高门槛、湿滑的卫生间、老化的电线和燃气管，对老人和残疾人来说都是安全隐患。\n\n' +
      '“安心家”由社工和专业师傅上门评估，根据需要加装扶手、铺设防滑地面、消除门槛高差、更换老化电线和燃气软管、安装烟感报警器；改造完成后教服务对象和家人正确使用，并上门回访。\n\n' +
      '项目在白沙、文教、甬江、庄桥四个街道开展。',
    storyEn:
      'In older homes, high door sills, slippery bathrooms, ageing wiring and worn gas hoses are real dangers for older people and people with disabilities.\n\n' +
      'Safe at Home sends a social worker and a tradesperson to assess each home, then fits grab bars and non-slip flooring, levels door sills, replaces old wiring and gas hoses, and installs smoke alarms. Afterwards they show the household how to use everything and come back to check.\n\n' +
      'The project runs in Baisha, Wenjiao, Yongjiang and Zhuangqiao sub-districts.',
    isDemo: true,
    categories: ['life', 'elderly_care', 'disability'],
    kinds: ['material', 'service', 'both'],
    populations: ['elderly', 'disabled', 'limited_mobility'],
    areaIds: ['baisha', 'wenjiao', 'yongjiang', 'zhuangqiao'],
    goalFen: 22_000_000,
    capacityPerMonth: 8,
    typicalCostFen: 450_000,
    startsOn: '2025-09-01',
  },
  {
    slug: 'yunhuqing',
    nameZh: '云湖情',
    nameEn: 'Yunhu Village Care',
    summaryZh: '扎根慈城镇云湖片区四个村，为村里的困难老人和孩子提供生活照料与课后陪伴。',
    summaryEn:
      'Rooted in four villages of the Yunhu area of Cicheng, bringing daily care to older people and after-school support to children in hardship.',
    storyZh:
      '慈城镇云湖片区的南联村、公家村、金沙村、五联村离城区较远，不少年轻人在外工作，留在家里的多是老人和孩子。\n\n' +
      '“云湖情”依托村里的文化礼堂和居家养老服务站，为困难老人提供助餐、理发、健康检查和代购代办，为孩子开设课后作业辅导和假期兴趣班；同时为困难家庭送去生活物资和学习用品。\n\n' +
      '项目只在慈城镇云湖片区开展，由驻村社工和本村志愿者一起运营。',
    storyEn:
      'Nanlian, Gongjia, Jinsha and Wulian villages in the Yunhu area of Cicheng town are a long way from the city centre. Many young people work elsewhere, and many of those at home are older people and children.\n\n' +
      'Yunhu Village Care works out of the village cultural halls and home-care stations. Older people in hardship get meals, haircuts, health checks and help with shopping and errands; children get homework help after school and interest classes in the holidays. Families in hardship also receive daily necessities and school supplies.\n\n' +
      'The project runs only in the Yunhu area of Cicheng, led by a social worker based in the villages together with local volunteers.',
    isDemo: true,
    categories: ['life', 'elderly_care', 'education'],
    kinds: ['material', 'service', 'both'],
    populations: ['elderly', 'children', 'low_income'],
    areaIds: ['cicheng'],
    goalFen: 9_000_000,
    capacityPerMonth: 30,
    typicalCostFen: 25_000,
    startsOn: '2025-11-01',
  },
  {
    slug: 'tongzhou',
    nameZh: '同舟',
    nameEn: 'Pulling Together',
    summaryZh: '面向甬江街道北郊片区的困难家庭，帮助就业增收，并在台风等灾害时及时援助。',
    summaryEn:
      'For families in hardship in the Beijiao area of Yongjiang: help to find work and earn more, and quick help when typhoons or other disasters strike.',
    storyZh:
      '甬江街道北郊片区（如外漕村）的一些困难家庭收入不稳定、住房老旧，每到台风、暴雨季节更容易受灾。\n\n' +
      '“同舟”一方面帮助有劳动能力的家庭成员参加技能培训，对接附近的灵活就业岗位；另一方面在汛期前为困难家庭检查房屋、备好应急物资，灾后第一时间送去生活物资，并协助修缮受损房屋。\n\n' +
      '项目只在甬江街道北郊片区开展。',
    storyEn:
      'In the Beijiao area of Yongjiang sub-district (Waicao village, for example), some families in hardship have unsteady incomes and old housing, and are hit harder in the typhoon and heavy-rain season.\n\n' +
      'Pulling Together helps family members who can work to take up skills training and find flexible jobs nearby. Before the flood season it checks homes and stocks emergency supplies; after a storm it brings daily necessities right away and helps repair damaged homes.\n\n' +
      'The project runs only in the Beijiao area of Yongjiang.',
    isDemo: true,
    categories: ['employment', 'emergency', 'life'],
    kinds: ['material', 'service', 'both'],
    populations: ['low_income', 'elderly'],
    areaIds: ['yongjiang'],
    goalFen: 7_000_000,
    capacityPerMonth: 10,
    typicalCostFen: 200_000,
    startsOn: '2026-01-15',
  },
];
