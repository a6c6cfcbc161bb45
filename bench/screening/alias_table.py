"""Build clearance/resources/aliases.csv, the native-script alias table shipped with the package.

Run: PYTHONPATH=. .venv/bin/python -m bench.screening.alias_table [--data ../shared/data]

Three sources, each row saying which (column ``source``) and how sure it is:
1. The EU and UK consolidated lists in ../shared/data carry Cyrillic and Chinese names of many entities that
   are also on a US list under a Latin name. An EU/UK entity is linked to a US entry (Entity List, MEU, SDN,
   non-SDN/CMIC, 1260H, MIEU) when one of its Latin names equals one of the US entry's names after case,
   punctuation and transliteration are set aside ("confidence high"), or equals it apart from legal-form
   words with the same country and a distinctive rest of 8+ letters ("confidence medium").
2. CURATED below: the Chinese registered names of important Chinese parties of the Entity List, 1260H and
   CMIC lists, written by the author of this table from the parties' official names (company registration
   name as published on the party's own website or stock-exchange filings, the university's or institute's
   official name). They were not re-checked against a registry in the session that wrote them; each row says
   so. A name the author was not sure of was left out. CURATED_KOREAN does the same for the Korean names of
   North Korean SDN parties (no list file here carries Korean script; a transliteration of the Korean is no
   match for the translated English name).
3. CURATED_SHORT: the Chinese short names (brand, stock-exchange short name) of some of those parties,
   CURATED_JAPANESE: the Japanese names of Japanese SDN parties (the National Police Agency's designations), and
   CURATED_OTHER: other registered names in Latin or Cyrillic script of listed parties (the DPL's PJSC Aeroflot is
   'Aeroflot - Russian Airlines'), each with its source.
Each curated English name is resolved to every entry of those lists that carries it (a party on several
lists, or on the 1260H list once per tranche, gets a row per entry); a name that resolves to no entry is
reported and skipped, so every row of the table resolves (tests/screening/test_alias_table.py checks it).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import re
from collections import defaultdict
from pathlib import Path

from anyascii import anyascii

from bench.screening.lists import load_lists
from clearance.model.entity import Entity, Schema
from clearance.text.scripts import scripts_of

OUT = Path(__file__).resolve().parents[2] / "clearance" / "resources" / "aliases.csv"
VERSION = "2026-12-05.2"
TARGETS = ("el", "meu", "sdn", "ofac-cons", "1260h", "mieu")
CURATED_SOURCE = ("registered Chinese name as published by the party (official website / exchange filings); "
                  "written from the table author's knowledge, not re-checked against a registry; confidence {c}")
_LEGAL = {"jsc", "oao", "ao", "pao", "pjsc", "ooo", "llc", "zao", "cjsc", "ojsc", "joint", "stock", "company",
          "limited", "liability", "open", "closed", "public", "obshchestvo", "aktsionernoe", "otkrytoe",
          "zakrytoe", "publichnoe", "s", "ogranichennoi", "otvetstvennostyu", "ltd", "co", "inc", "corporation",
          "corp", "npo", "npp", "fgup", "fsue", "the", "of", "and", "federal", "state", "unitary", "enterprise",
          "entity", "tovarishchestvo", "obshchestvom", "non", "commercial", "partnership", "l", "c"}

# (English name as a US list writes it, Chinese registered name, confidence)
CURATED: list[tuple[str, str, str]] = [
    ("Huawei Technologies Co., Ltd.", "华为技术有限公司", "high"),
    ("Huawei Investment & Holding Co., Ltd.", "华为投资控股有限公司", "high"),
    ("Beijing Huawei Digital Technologies Co., Ltd.", "北京华为数字技术有限公司", "high"),
    ("Shanghai Huawei Technologies Co., Ltd.", "上海华为技术有限公司", "high"),
    ("Chengdu Huawei Technologies Co., Ltd.", "成都华为技术有限公司", "high"),
    ("Xi'an Huawei Technologies Co., Ltd.", "西安华为技术有限公司", "high"),
    ("Huawei Device Co., Ltd.", "华为终端有限公司", "high"),
    ("Huawei Machine Co., Ltd.", "华为机器有限公司", "high"),
    ("Huawei Software Technologies Co., Ltd.", "华为软件技术有限公司", "high"),
    ("Huawei Technical Service Co., Ltd.", "华为技术服务有限公司", "high"),
    ("Huawei Cloud Computing Technology", "华为云计算技术有限公司", "high"),
    ("Huawei Digital Technologies (Suzhou) Co., Ltd.", "华为数字技术(苏州)有限公司", "high"),
    ("HiSilicon Technologies Co., Ltd (HiSilicon), Bantian Longgang District", "海思半导体有限公司", "high"),
    ("Shanghai HiSilicon Technologies Co., Ltd.", "上海海思技术有限公司", "high"),
    ("Semiconductor Manufacturing International Corporation", "中芯国际集成电路制造有限公司", "high"),
    ("Semiconductor Manufacturing International (Beijing) Corporation", "中芯国际集成电路制造(北京)有限公司", "high"),
    ("Semiconductor Manufacturing International (Shenzhen) Corporation", "中芯国际集成电路制造(深圳)有限公司", "high"),
    ("Semiconductor Manufacturing International (Tianjin) Corporation", "中芯国际集成电路制造(天津)有限公司", "high"),
    ("Semiconductor Manufacturing South China Corporation", "中芯南方集成电路制造有限公司", "high"),
    ("SMIC Northern Integrated Circuit Manufacturing (Beijing) Co., Ltd", "中芯北方集成电路制造(北京)有限公司", "high"),
    ("Semiconductor Manufacturing North China (Beijing) Corporation", "中芯北方集成电路制造(北京)有限公司", "high"),
    ("SMIC Semiconductor Manufacturing (Shanghai) Co., Ltd", "中芯国际集成电路制造(上海)有限公司", "high"),
    ("Hangzhou Hikvision Digital Technology Co., Ltd.", "杭州海康威视数字技术股份有限公司", "high"),
    ("Zhejiang Dahua Technology Co., Ltd.", "浙江大华技术股份有限公司", "high"),
    ("iFLYTEK", "科大讯飞股份有限公司", "high"),
    ("Beijing Megvii Technology Co., Ltd.", "北京旷视科技有限公司", "high"),
    ("Megvii Technology Limited", "旷视科技有限公司", "medium"),
    # the Entity List's "Megvii Technology" (2019, Beijing addresses): the registered name of Megvii's Beijing
    # operating company, which the 1260H list names "Beijing Megvii Technology Co., Ltd."
    ("Megvii Technology", "北京旷视科技有限公司", "medium"),
    ("Beijing Sensetime Technology Development Co., Ltd.", "北京市商汤科技开发有限公司", "high"),
    ("SenseTime Group Limited", "商汤集团股份有限公司", "high"),
    ("SenseTime Group, Inc.", "商汤集团股份有限公司", "high"),
    ("Shanghai Yitu Network Technology Co., Ltd.", "上海依图网络科技有限公司", "high"),
    ("Yitu Technologies", "依图科技", "high"),
    ("CloudWalk Technology Co., Ltd.", "云从科技集团股份有限公司", "high"),
    ("Xiamen Meiya Pico Information Co., Ltd.", "厦门市美亚柏科信息股份有限公司", "high"),
    ("NetPosa Technologies, Ltd.", "东方网力科技股份有限公司", "high"),
    ("NetPosa Technologies Limited", "东方网力科技股份有限公司", "high"),
    ("SenseNets", "深网视界", "medium"),
    ("Leon Technology Company Limited", "立昂技术股份有限公司", "high"),
    ("Zhejiang Uniview Technologies Co., Ltd.", "浙江宇视科技有限公司", "high"),
    ("Tianjin Tiandi Weiye Technologies Co., Ltd.", "天地伟业技术有限公司", "medium"),
    ("Suzhou Keda Technology Co., Ltd.", "苏州科达科技股份有限公司", "high"),
    ("Cambricon Technologies Corporation Limited", "中科寒武纪科技股份有限公司", "high"),
    ("Shanghai Cambricon Information Technology Co., Ltd.", "上海寒武纪信息科技有限公司", "high"),
    ("Beijing Biren Technology Development Co., Ltd.", "北京壁仞科技开发有限公司", "medium"),
    ("Shanghai Biren Intelligent Technology Co., Ltd.", "上海壁仞智能科技有限公司", "high"),
    ("Moore Thread Intelligent Technology (Beijing) Co., Ltd.", "摩尔线程智能科技(北京)有限责任公司", "high"),
    ("Yangtze Memory Technologies Co., Ltd.", "长江存储科技有限责任公司", "high"),
    ("ChangXin Memory Technologies, Inc.", "长鑫存储技术有限公司", "high"),
    ("Sophgo Technologies Ltd.", "算能科技有限公司", "medium"),
    ("Tianjin Phytium Information Technology", "天津飞腾信息技术有限公司", "high"),
    ("Phytium Technology", "飞腾信息技术有限公司", "high"),
    ("Shanghai High-Performance Integrated Circuit Design Center", "上海高性能集成电路设计中心", "high"),
    ("Wuxi Jiangnan Institute of Computing Technology", "江南计算技术研究所", "high"),
    ("National Supercomputing Center Wuxi", "国家超级计算无锡中心", "high"),
    ("National Supercomputing Center Tianjin", "国家超级计算天津中心", "high"),
    ("National Supercomputing Center Changsha", "国家超级计算长沙中心", "high"),
    ("National Supercomputing Center Guangzhou", "国家超级计算广州中心", "high"),
    ("National Supercomputing Center Shenzhen", "国家超级计算深圳中心", "high"),
    ("National Supercomputing Center Jinan", "国家超级计算济南中心", "high"),
    ("National Supercomputer Center Zhengzhou", "国家超级计算郑州中心", "high"),
    ("Sugon", "中科曙光", "high"),
    ("Dawning Information Industry Co., Ltd.", "曙光信息产业股份有限公司", "high"),
    ("Dawning Information Industry Co., Ltd", "曙光信息产业股份有限公司", "high"),
    ("Tianjing Haiguang Advanced Technology Investment", "天津海光先进技术投资有限公司", "high"),
    ("Chengdu Haiguang Integrated Circuit", "成都海光集成电路设计有限公司", "high"),
    ("Chengdu Haiguang Microelectronics Technology", "成都海光微电子技术有限公司", "high"),
    ("Higon", "海光信息技术股份有限公司", "high"),
    ("Inspur Group Co., Ltd.", "浪潮集团有限公司", "high"),
    ("Loongson Technology Corporation Limited", "龙芯中科技术股份有限公司", "high"),
    ("Shanghai Micro Electronics Equipment (Group) Co., Ltd.", "上海微电子装备(集团)股份有限公司", "high"),
    ("Beijing Naura Microelectronics Equipment Co., Ltd.", "北京北方华创微电子装备有限公司", "high"),
    ("Shenzhen SiCarrier Technologies Co., Ltd.", "深圳市新凯来技术有限公司", "high"),
    ("Piotech", "拓荆科技股份有限公司", "high"),
    ("ACM Research (Shanghai)", "盛美半导体设备(上海)股份有限公司", "high"),
    ("Sangon Biotech (Shanghai) Co., Ltd.", "生工生物工程（上海）股份有限公司", "high"),
    ("Wingtech Technology Co., Ltd.", "闻泰科技股份有限公司", "high"),
    ("Beijing Zhipu Huazhang Technology Co., Ltd.", "北京智谱华章科技有限公司", "high"),
    ("Beijing Academy of Artificial Intelligence", "北京智源人工智能研究院", "high"),
    ("United Microelectronics Center Co., Ltd.", "联合微电子中心有限责任公司", "medium"),
    ("Shanghai Fudan Microelectronics Co., Ltd.", "上海复旦微电子集团股份有限公司", "high"),
    ("Shanghai Integrated Circuit Research and Development Center", "上海集成电路研发中心有限公司", "high"),
    ("Zhangjiang Laboratory", "张江实验室", "high"),
    ("Beijing Academy of Quantum Information Sciences", "北京量子信息科学研究院", "high"),
    ("Shanghai Institute of Optics and Fine Mechanics", "中国科学院上海光学精密机械研究所", "high"),
    ("China Academy of Science-Shenyang Institute of Automation", "中国科学院沈阳自动化研究所", "high"),
    ("Aerospace Information Research Institute, Chinese Academy of Sciences", "中国科学院空天信息创新研究院", "high"),
    ("4Paradigm Technology Co., Ltd", "第四范式(北京)技术有限公司", "medium"),
    ("Beijing BDStar Navigation Co., Ltd.", "北京北斗星通导航技术股份有限公司", "high"),
    ("Wuhan Raycus Fiber Laser Technologies Co., Ltd.", "武汉锐科光纤激光技术股份有限公司", "high"),
    ("Spacety Co., Ltd.", "长沙天仪空间科技研究院有限公司", "high"),
    ("Hesai Technology Co., Ltd.", "上海禾赛科技有限公司", "high"),
    ("SZ DJI Technology Co., Ltd.", "深圳市大疆创新科技有限公司", "high"),
    ("Shenzhen DJI Innovation Technology Co., Ltd.", "深圳市大疆创新科技有限公司", "high"),
    ("Shenzhen DJI Technology Co., Ltd.", "深圳市大疆创新科技有限公司", "high"),
    ("Shenzhen Daotong Intelligent Aviation Technology Co., Ltd.", "深圳市道通智能航空技术股份有限公司", "medium"),
    ("Autel Robotics Co., Ltd.", "深圳市道通智能航空技术股份有限公司", "medium"),
    ("Autel Intelligent Technology Corp., Ltd.", "深圳市道通科技股份有限公司", "high"),
    ("Beijing Institute of Technology", "北京理工大学", "high"),
    ("Beijing University of Aeronautics and Astronautics (BUAA)", "北京航空航天大学", "high"),
    ("Beijing University of Posts and Telecommunications (BUPT)", "北京邮电大学", "high"),
    ("Harbin Institute of Technology", "哈尔滨工业大学", "high"),
    ("Harbin Engineering University", "哈尔滨工程大学", "high"),
    ("Northwestern Polytechnical University", "西北工业大学", "high"),
    ("Nanjing University of Aeronautics and Astronautics", "南京航空航天大学", "high"),
    ("Nanjing University of Science and Technology", "南京理工大学", "high"),
    ("National University of Defense Technology", "国防科技大学", "high"),
    ("National University of Defense Technology (NUDT)", "国防科技大学", "high"),
    ("Sichuan University", "四川大学", "high"),
    ("Tianjin University", "天津大学", "high"),
    ("University of Electronic Science and Technology of China", "电子科技大学", "high"),
    ("University of Science and Technology of China", "中国科学技术大学", "high"),
    ("Air Force Engineering University", "空军工程大学", "high"),
    ("Xinjiang Police College", "新疆警察学院", "high"),
    ("Chinese Academy of Engineering Physics", "中国工程物理研究院", "high"),
    ("China Aerodynamics Research and Development Center (CARDC)", "中国空气动力研究与发展中心", "high"),
    ("Academy of Military Medical Sciences", "军事医学科学院", "high"),
    ("China Academy of Electronics and Information Technology", "中国电子科学研究院", "high"),
    ("China Academy of Launch Vehicle Technology", "中国运载火箭技术研究院", "high"),
    ("China Aerospace Science and Industry Corporation Limited", "中国航天科工集团有限公司", "high"),
    ("China Aerospace Science and Industry Corporation", "中国航天科工集团有限公司", "high"),
    ("China Aerospace Science and Technology Corporation", "中国航天科技集团有限公司", "high"),
    ("China Aerospace Science and Technology Corporation (CASC)", "中国航天科技集团有限公司", "high"),
    ("China Electronics Technology Group Corporation", "中国电子科技集团有限公司", "high"),
    ("China General Nuclear Power Corporation", "中国广核集团有限公司", "high"),
    ("China General Nuclear Power Corporation (CGNPC)", "中国广核集团有限公司", "high"),
    ("China General Nuclear Power Group", "中国广核集团有限公司", "high"),
    ("Suzhou Nuclear Power Research Institute Co. Ltd.", "苏州热工研究院有限公司", "high"),
    ("China National Nuclear Corporation", "中国核工业集团有限公司", "high"),
    ("China North Industries Group Corporation Limited", "中国兵器工业集团有限公司", "high"),
    ("China South Industries Group Corporation", "中国兵器装备集团有限公司", "high"),
    ("China State Shipbuilding Corporation Limited", "中国船舶集团有限公司", "high"),
    ("China Shipbuilding Industry Company Limited", "中国船舶重工股份有限公司", "high"),
    ("Aviation Industry Corporation of China Ltd.", "中国航空工业集团有限公司", "high"),
    ("Aviation Industry Corporation of China, Ltd.", "中国航空工业集团有限公司", "high"),
    ("Aero Engine Corporation of China", "中国航空发动机集团有限公司", "high"),
    ("Commercial Aircraft Corporation of China Limited", "中国商用飞机有限责任公司", "high"),
    ("China Mobile Communications Group Co., Ltd.", "中国移动通信集团有限公司", "high"),
    ("China Mobile Limited", "中国移动有限公司", "high"),
    ("China Telecommunications Corporation", "中国电信集团有限公司", "high"),
    ("China Telecom Group Co., Ltd.", "中国电信集团有限公司", "high"),
    ("China Telecom Corporation Limited", "中国电信股份有限公司", "high"),
    ("China United Network Communications Group Co., Ltd.", "中国联合网络通信集团有限公司", "high"),
    ("China Unicom (Hong Kong) Limited", "中国联合网络通信(香港)股份有限公司", "high"),
    ("China United Network Communications Co., Ltd.", "中国联合网络通信股份有限公司", "high"),
    ("China Electronics Corporation", "中国电子信息产业集团有限公司", "high"),
    ("China National Offshore Oil Corporation", "中国海洋石油集团有限公司", "high"),
    ("CNOOC Limited", "中国海洋石油有限公司", "high"),
    ("China Communications Construction Company Limited", "中国交通建设股份有限公司", "high"),
    ("China Communications Construction Company Ltd.", "中国交通建设股份有限公司", "high"),
    ("China Communications Construction Group (Limited)", "中国交通建设集团有限公司", "high"),
    ("China Communications Construction Group Limited", "中国交通建设集团有限公司", "high"),
    ("China Railway Construction Corporation Limited", "中国铁建股份有限公司", "high"),
    ("China State Construction Engineering Corporation Limited", "中国建筑股份有限公司", "high"),
    ("CRRC Corporation Limited", "中国中车股份有限公司", "high"),
    ("China Three Gorges Corporation", "中国长江三峡集团有限公司", "high"),
    ("China National Chemical Corporation Ltd.", "中国化工集团有限公司", "high"),
    ("China National Chemical Engineering Group Corporation", "中国化学工程集团有限公司", "high"),
    ("China Nuclear Engineering Corporation Limited", "中国核工业建设股份有限公司", "high"),
    ("China COSCO SHIPPING Corporation Limited", "中国远洋海运集团有限公司", "high"),
    ("China SpaceSat Co., Ltd.", "中国东方红卫星股份有限公司", "high"),
    ("China Satellite Communications Co., Ltd.", "中国卫通集团股份有限公司", "high"),
    ("Aerospace Communications Holdings Group Company Limited", "航天通信控股集团股份有限公司", "high"),
    ("Aerosun Corporation", "航天晨光股份有限公司", "high"),
    ("AVIC Shenyang Aircraft Company Limited", "中航沈飞股份有限公司", "high"),
    ("AVIC Xi'an Aircraft Industry Group Company Ltd.", "中航西安飞机工业集团股份有限公司", "high"),
    ("AVIC Heavy Machinery Company Limited", "中航重机股份有限公司", "high"),
    ("AVIC Jonhon Optronic Technology Co., Ltd.", "中航光电科技股份有限公司", "high"),
    ("AVIC Aviation High-Technology Company Limited", "中航航空高科技股份有限公司", "high"),
    ("Jiangxi Hongdu Aviation Industry Co., Ltd.", "江西洪都航空工业股份有限公司", "high"),
    ("China Avionics Systems Company Limited", "中航航空电子系统股份有限公司", "medium"),
    ("Zhonghang Electronic Measuring Instruments Company Limited", "中航电测仪器股份有限公司", "high"),
    ("Changsha Jingjia Microelectronics Company Limited", "长沙景嘉微电子股份有限公司", "high"),
    ("Changsha Jingjia Microelectronics Co., Ltd", "长沙景嘉微电子股份有限公司", "high"),
    ("Fujian Torch Electron Technology Co., Ltd.", "福建火炬电子科技股份有限公司", "high"),
    ("Inner Mongolia First Machinery Group Co., Ltd.", "内蒙古第一机械集团股份有限公司", "high"),
    ("Guizhou Space Appliance Co., Ltd", "贵州航天电器股份有限公司", "high"),
    ("Nanjing Panda Electronics Company Limited", "南京熊猫电子股份有限公司", "high"),
    ("Panda Electronics Group Co., Ltd.", "熊猫电子集团有限公司", "high"),
    ("North Navigation Control Technology Co., Ltd.", "北方导航控制技术股份有限公司", "high"),
    ("Shaanxi Zhongtian Rocket Technology Company Limited", "陕西中天火箭技术股份有限公司", "high"),
    ("Anhui Greatwall Military Industry Company Limited", "安徽长城军工股份有限公司", "high"),
    ("Aerospace CH UAV Co., Ltd", "航天彩虹无人机股份有限公司", "high"),
    ("China Shipbuilding Industry Group Power Company Limited", "中国船舶重工集团动力股份有限公司", "medium"),
    ("CSSC Offshore & Marine Engineering (Group) Company Limited", "中船海洋与防务装备股份有限公司", "high"),
    ("360 Security Technology Inc.", "三六零安全科技股份有限公司", "high"),
    ("Advanced Micro-Fabrication Equipment Inc. China", "中微半导体设备(上海)股份有限公司", "high"),
    ("BGI Genomics Co., Ltd.", "深圳华大基因股份有限公司", "high"),
    ("MGI Tech Co., Ltd.", "深圳华大智造科技股份有限公司", "high"),
    ("Beijing Zhidao Chuangyu Information Technology Co., Ltd.", "北京知道创宇信息技术股份有限公司", "high"),
    ("Chengdu JOUAV Automation Tech Co., Ltd.", "成都纵横自动化技术股份有限公司", "high"),
    ("Global Tone Communication Technology Co., Ltd.", "中译语通科技股份有限公司", "high"),
    ("Global Tone Communication Technology Co Ltd.", "中译语通科技股份有限公司", "high"),
    ("China International Engineering Consulting Corporation", "中国国际工程咨询有限公司", "high"),
    ("Contemporary Amperex Technology Co., Ltd.", "宁德时代新能源科技股份有限公司", "high"),
    ("Tencent Holdings Limited", "腾讯控股有限公司", "high"),
    ("Alibaba Group Holding Limited", "阿里巴巴集团控股有限公司", "high"),
    ("Baidu, Inc.", "百度集团股份有限公司", "high"),
    ("BYD Company Limited", "比亚迪股份有限公司", "high"),
    ("BOE Technology Group Company Limited", "京东方科技集团股份有限公司", "high"),
    ("Quectel Wireless Solutions Co., Ltd.", "上海移远通信技术股份有限公司", "high"),
    ("EVE Energy Co., Ltd.", "惠州亿纬锂能股份有限公司", "high"),
    ("Hangzhou Yushu Technology Co., Ltd.", "杭州宇树科技有限公司", "high"),
    ("JA Solar Technology Co., Ltd.", "晶澳太阳能科技股份有限公司", "high"),
    ("Trina Solar Co., Ltd.", "天合光能股份有限公司", "high"),
    ("TP-Link Technologies Co., Ltd.", "普联技术有限公司", "high"),
    ("WuXi AppTec Co., Ltd.", "无锡药明康德新药开发股份有限公司", "high"),
    ("Zhongji Innolight Co., Ltd.", "中际旭创股份有限公司", "high"),
    ("Tianma Microelectronics Co., Ltd.", "天马微电子股份有限公司", "high"),
    ("Novogene Company Limited", "北京诺禾致源科技股份有限公司", "high"),
    ("Robosense Technology Co., Ltd.", "深圳市速腾聚创科技有限公司", "high"),
    ("CALB Group Co., Ltd.", "中创新航科技集团股份有限公司", "high"),
    ("China Cargo Airlines Co., Ltd.", "中国货运航空有限公司", "high"),
    ("Sinotrans & CSC Holdings Co., Ltd.", "中国外运长航集团有限公司", "high"),
    ("Aisino Corporation", "航天信息股份有限公司", "high"),
    ("Taiji Computer Co., Ltd.", "太极计算机股份有限公司", "high"),
    ("Cheng Du Westone Information Industry Co., Ltd.", "成都卫士通信息产业股份有限公司", "high"),
    ("Tongfang NucTech Technology Ltd.", "同方威视技术股份有限公司", "high"),
    ("Zhongtian Technology Submarine Cable Co., Ltd.", "中天科技海缆股份有限公司", "high"),
    ("Xinjiang Production and Construction Corps (XPCC)", "新疆生产建设兵团", "high"),
    ("Xinjiang Production and Construction Corps (XPCC) Public Security Bureau", "新疆生产建设兵团公安局", "high"),
    ("Xinjiang Uyghur Autonomous Region (XUAR) People's Government Public Security Bureau",
     "新疆维吾尔自治区公安厅", "high"),
    ("Urumqi Municipal Public Security Bureau", "乌鲁木齐市公安局", "high"),
    ("Aksu District Public Security Bureau", "阿克苏地区公安局", "high"),
    ("Altay Municipality Public Security Bureau", "阿勒泰市公安局", "high"),
    ("Bayingolin Mongolian Autonomous Prefecture Public Security Bureau", "巴音郭楞蒙古自治州公安局", "high"),
    ("Boertala Mongolian Autonomous Prefecture Public Security Bureau", "博尔塔拉蒙古自治州公安局", "high"),
    ("Changji Hui Autonomous Prefecture Public Security Bureau", "昌吉回族自治州公安局", "high"),
    ("Tacheng Prefecture Public Security Bureau", "塔城地区公安局", "high"),
    ("Shihezi Municipality Public Security Bureau", "石河子市公安局", "high"),
    ("Wujiaqu Municipality Public Security Bureau", "五家渠市公安局", "high"),
    ("Turfan Municipality Public Security Bureau", "吐鲁番市公安局", "high"),
    ("Yili Kazakh Autonomous Prefecture Public Security Bureau", "伊犁哈萨克自治州公安局", "high"),
    ("Tumushuke Municipal Public Security Bureau", "图木舒克市公安局", "high"),
    ("Kashgar Prefecture Public Security Bureau", "喀什地区公安局", "high"),
    ("Hotan Prefecture Public Security Bureau", "和田地区公安局", "high"),
    ("Karamay Municipality Public Security Bureau", "克拉玛依市公安局", "high"),
    ("Hami Municipality Public Security Bureau", "哈密市公安局", "high"),
    ("Xinjiang Daqo New Energy, Co. Ltd.", "新疆大全新能源股份有限公司", "high"),
    ("Xinjiang East Hope Nonferrous Metals Co. Ltd.", "新疆东方希望有色金属有限公司", "high"),
    ("Xinjiang GCL New Energy Material Technology, Co. Ltd.", "新疆协鑫新能源材料科技有限公司", "high"),
    ("Hoshine Silicon Industry (Shanshan) Co., Ltd.", "合盛硅业(鄯善)有限公司", "high"),
    ("Changji Esquel Textile Co. Ltd", "昌吉溢达纺织有限公司", "high"),
    ("Beijing Computational Science Research Center", "北京计算科学研究中心", "high"),
    ("Center for High Pressure Science and Technology Advanced Research", "北京高压科学研究中心", "high"),
    ("Chengdu Aircraft Design and Research Institute", "成都飞机设计研究所", "high"),
    ("Shenyang Aircraft Design Institute", "沈阳飞机设计研究所", "high"),
    # the MEU List's Shenyang Aircraft Corporation (SAC, of AVIC) by its registered name (adversarial R31-25)
    ("Shenyang Aircraft Corporation", "沈阳飞机工业（集团）有限公司", "high"),
    ("Southwest Research Institute of Electronics Technology", "西南电子技术研究所", "high"),
    ("Xi'an Research Institute of Navigation Technology", "西安导航技术研究所", "high"),
    ("China Aeronautical Radio Electronics Research Institute", "中国航空无线电电子研究所", "high"),
    ("Aeronautics Computing Technique Research Institute", "西安航空计算技术研究所", "high"),
    # More parties of the 1260H and CMIC lists (names as those lists write them)
    ("Aerospace CH UAV Co., Ltd (CH UAV)", "航天彩虹无人机股份有限公司", "high"),
    ("Anhui Sun Create Electronics Co., Ltd.", "安徽四创电子股份有限公司", "high"),
    ("AVIC JONHON Optronic Technology Co., Ltd.", "中航光电科技股份有限公司", "high"),
    ("AVIC Xi\u2019an Aircraft Industry Group Company Ltd.", "中航西安飞机工业集团股份有限公司", "high"),
    ("Changhe Aircraft Industries (Group) Co., Ltd.", "昌河飞机工业(集团)有限责任公司", "high"),
    ("China Airport Construction Group Corporation", "中国民航机场建设集团有限公司", "high"),
    ("China International Marine Containers (Group) Co., Ltd.", "中国国际海运集装箱(集团)股份有限公司", "high"),
    ("China Shipbuilding Trading Co., Ltd.", "中国船舶工业贸易有限公司", "high"),
    ("China SpaceSat Co.", "中国东方红卫星股份有限公司", "high"),
    ("China State Construction Group Co.", "中国建筑集团有限公司", "high"),
    ("CNOOC China Limited", "中海石油(中国)有限公司", "high"),
    ("Dawning Information Industry Co., Ltd. (Sugon)", "曙光信息产业股份有限公司", "high"),
    ("GLARUN Technology Co., Ltd.", "国睿科技股份有限公司", "high"),
    ("Guangzhou GCI Science & Technology Co., Ltd.", "广州杰赛科技股份有限公司", "high"),
    ("Guangzhou Wenchong Shipyard Co., Ltd.", "广州文冲船厂有限责任公司", "high"),
    ("Harbin First Machinery Group Ltd.", "哈尔滨第一机械集团有限公司", "high"),
    ("Heilongjiang Northern Tools Co., Ltd.", "黑龙江北方工具有限公司", "high"),
    ("Inner Mongolia First Machinery Group Co., Ltd. (Inner Mongolia)", "内蒙古第一机械集团股份有限公司", "high"),
    ("MGI Tech Co., Ltd. (MGI)", "深圳华大智造科技股份有限公司", "high"),
    ("Phoenix Optics Company Limited", "凤凰光学股份有限公司", "high"),
    ("Phenix Optical Company Limited", "凤凰光学股份有限公司", "high"),
    ("SDIC Intelligence (Xiamen) Information Co., Ltd.", "国投智能(厦门)信息股份有限公司", "high"),
    ("Shanghai Aircraft Manufacturing Co., Ltd.", "上海飞机制造有限公司", "high"),
    ("Shanghai Aircraft Design and Research Institute", "上海飞机设计研究院", "high"),
    ("Shanghai East China Computer Co., Ltd.", "上海华东电脑股份有限公司", "high"),
    ("Xi'an Aircraft Industry Group Co., Ltd.", "西安飞机工业(集团)有限责任公司", "high"),
    ("CETC Cyberspace Security Technology Co., Ltd.", "中电科网络安全科技股份有限公司", "high"),
    ("CETC Digital Technology Co., Ltd.", "中电科数字技术股份有限公司", "high"),
    ("CETC Potevio Science & Technology Co., Ltd", "中电科普天科技股份有限公司", "high"),
    ("CCCC First Harbor Engineering Bureau Co. Ltd.", "中交第一航务工程局有限公司", "high"),
    ("CCCC Second Navigation Engineering Bureau Co., Ltd.", "中交第二航务工程局有限公司", "high"),
    ("CCCC Third Navigation Engineering Bureau Co., Ltd.", "中交第三航务工程局有限公司", "high"),
    # adversarial round 21 (R21-75, R21-78 screened CLEAR in Chinese; R21 noted 725th and Northern IC found by noise)
    ("Hangzhou Hikmicro Sensing Technology Co.", "杭州海康微影传感科技有限公司", "high"),
    ("China Communications Construction Company Dredging Group Co. Ltd.", "中交疏浚（集团）股份有限公司", "high"),
    ("China Communications Construction Company Guangzhou Waterway Bureau", "中交广州航道局有限公司", "high"),
    ("China Communications Construction Company Shanghai Waterway Bureau", "中交上海航道局有限公司", "high"),
    ("China Communications Construction Company Tianjin Waterway Bureau", "中交天津航道局有限公司", "high"),
    ("China State Shipbuilding Corporation, Limited (CSSC) 725th Research Institute", "洛阳船舶材料研究所", "high"),
    ("China State Shipbuilding Corporation, Limited (CSSC) 725th Research Institute",
     "中国船舶集团有限公司第七二五研究所", "medium"),
    ("Northern Integrated Circuit Technology Innovation Center (Beijing) Co., Ltd.",
     "北方集成电路技术创新中心（北京）有限公司", "high"),
    ("Forensic Genomics International", "深圳华大法医科技有限公司", "high"),  # R21-77: found as another Huada
    ("BGI Research", "深圳华大生命科学研究院", "high"),
    # R21c-02, R21c-06 (adversarial round 21: found by no candidate in Chinese)
    ("China Aerospace Science and Industry Corporation Second Academy", "中国航天科工集团第二研究院", "high"),
    ("China Aerospace Science and Industry Corporation Second Academy", "中国航天科工集团有限公司第二研究院", "high"),
    ("Intellifusion", "深圳云天励飞技术股份有限公司", "high"),
    ("Intellifusion", "云天励飞", "high"),
    ("China Ocean Shipping Company Ltd.", "中国远洋运输有限公司", "high"),
    ("IRICO Group Company, Ltd.", "彩虹集团有限公司", "high"),
    ("China BlueChemical Limited", "中海石油化学股份有限公司", "high"),
    ("Chinese Academy of Ordnance Science", "中国兵器科学研究院", "high"),
    ("Baoding Tianwei Baobian Electric Co., Ltd.", "保定天威保变电气股份有限公司", "high"),
    ("Tianyi Cloud Technology Co., Ltd.", "天翼云科技有限公司", "high"),
    ("NIO, Inc.", "蔚来集团", "high"),
    ("New Guomai Digital Culture Co., Ltd.", "新国脉数字文化股份有限公司", "high"),
    ("Beijing Telecom Planning and Designing Institute Company Limited", "北京电信规划设计院有限公司", "high"),
    ("Beijing Aeronautical Science & Technology Research Institute", "北京航空科学技术研究院", "high"),
    ("Shanghai Ship and Shipping Research", "上海船舶运输科学研究所", "high"),
    ("The 6th Research Institute of CEC", "中国电子信息产业集团有限公司第六研究所", "high"),
    ("14th Research Institute of CETC", "中国电子科技集团公司第十四研究所", "high"),
    ("15th Research Institute of CETC", "中国电子科技集团公司第十五研究所", "high"),
    ("CETC Research Institute 32", "中国电子科技集团公司第三十二研究所", "high"),
    ("China Aerospace Times Electronics Co., Ltd", "航天时代电子技术股份有限公司", "medium"),
    ("China Marine Information Electronics Company Limited", "中国船舶重工集团海洋防务与信息对抗股份有限公司",
     "medium"),
    ("BGI Group", "华大集团", "high"),
    ("Commercial Aircraft Corporation of China Limited", "中国商飞", "high"),
    ("Tongfang NucTech Technology Ltd.", "同方威视", "high"),
    # the MEU List's AECC (Aero Engine Corporation of China) companies by their registered names (adversarial R48-69,
    # R48b-30: "中国航发航空科技股份有限公司, 成都" and "中国航发动力股份有限公司, 西安" screened CLEAR)
    ("AECC Aero Science & Technology Co. Ltd.", "中国航发航空科技股份有限公司", "high"),
    ("AECC Aviation Power Co. Ltd.", "中国航发动力股份有限公司", "high"),
    ("AECC Beijing Institute of Aeronautical. Materials", "中国航发北京航空材料研究院", "high"),
    ("AECC China Gas Turbine Establishment", "中国航发四川燃气涡轮研究院", "high"),
    ("AECC Commercial Aircraft Engine Co. Ltd.", "中国航发商用航空发动机有限责任公司", "high"),
    ("AECC Harbin Dongan Engine Co., Ltd.", "中国航发哈尔滨东安发动机有限公司", "high"),
    ("AECC Shenyang Liming Aero Engine Co., Ltd.", "中国航发沈阳黎明航空发动机有限责任公司", "high"),
    ("AECC South Industry Company Limited", "中国航发南方工业有限公司", "high"),
]
# Short names of Chinese parties (the brand, or the stock-exchange short name) that customers and Chinese documents
# write instead of the registered name: "海康威视" for Hangzhou Hikvision Digital Technology Co., Ltd. (adversarial
# review round 4, R4-84: the short name matched an unrelated SDN person). Four characters or more where the short
# name of two or three would be another word or a common name (大华, 大疆 are left out: other firms write them too).
SHORT_SOURCE = ("Chinese short name (brand or stock-exchange short name) used by the party; written from the table "
                "author's knowledge, not re-checked against a registry; confidence {c}")
CURATED_SHORT: list[tuple[str, str, str]] = [
    ("Hangzhou Hikvision Digital Technology Co., Ltd.", "海康威视", "high"),
    ("Zhejiang Dahua Technology Co., Ltd.", "大华股份", "high"),
    ("Beijing Megvii Technology Co., Ltd.", "旷视科技", "high"),
    ("Megvii Technology", "旷视科技", "high"),
    ("SenseTime Group Limited", "商汤科技", "high"),
    ("Beijing Sensetime Technology Development Co., Ltd.", "商汤科技", "high"),
    ("CloudWalk Technology Co., Ltd.", "云从科技", "high"),
    ("Xiamen Meiya Pico Information Co., Ltd.", "美亚柏科", "high"),
    ("NetPosa Technologies, Ltd.", "东方网力", "high"),
    ("NetPosa Technologies Limited", "东方网力", "high"),
    ("Zhejiang Uniview Technologies Co., Ltd.", "宇视科技", "high"),
    ("Suzhou Keda Technology Co., Ltd.", "苏州科达", "high"),
    ("Cambricon Technologies Corporation Limited", "寒武纪科技", "medium"),
    ("Shanghai Biren Intelligent Technology Co., Ltd.", "壁仞科技", "high"),
    ("Moore Thread Intelligent Technology (Beijing) Co., Ltd.", "摩尔线程", "high"),
    ("Yangtze Memory Technologies Co., Ltd.", "长江存储", "high"),
    ("ChangXin Memory Technologies, Inc.", "长鑫存储", "high"),
    ("Inspur Group Co., Ltd.", "浪潮集团", "high"),
    ("Loongson Technology Corporation Limited", "龙芯中科", "high"),
    ("Shanghai Micro Electronics Equipment (Group) Co., Ltd.", "上海微电子", "high"),
    ("Beijing Naura Microelectronics Equipment Co., Ltd.", "北方华创", "high"),
    ("Semiconductor Manufacturing International Corporation", "中芯国际", "high"),
    ("HiSilicon Technologies Co., Ltd (HiSilicon), Bantian Longgang District", "海思半导体", "high"),
    ("SZ DJI Technology Co., Ltd.", "大疆创新", "high"),
    ("Hesai Technology Co., Ltd.", "禾赛科技", "high"),
    ("Beijing Zhipu Huazhang Technology Co., Ltd.", "智谱华章", "high"),
    ("Wingtech Technology Co., Ltd.", "闻泰科技", "high"),
    ("iFLYTEK", "科大讯飞", "high"),
    ("National University of Defense Technology", "国防科大", "high"),
    ("National University of Defense Technology (NUDT)", "国防科大", "high"),
    ("Harbin Institute of Technology", "哈工大", "high"),
    ("Northwestern Polytechnical University", "西工大", "high"),
    ("University of Science and Technology of China", "中国科大", "high"),
    ("China Aerospace Science and Industry Corporation Limited", "航天科工", "high"),
    ("China Aerospace Science and Industry Corporation", "航天科工", "high"),
    ("China Electronics Technology Group Corporation", "中国电科", "high"),
    ("China General Nuclear Power Corporation", "中广核", "high"),
    ("Aero Engine Corporation of China", "中国航发", "high"),
    ("China Mobile Communications Group Co., Ltd.", "中国移动", "high"),
    ("China Telecommunications Corporation", "中国电信", "high"),
    ("China United Network Communications Group Co., Ltd.", "中国联通", "high"),
    ("China National Offshore Oil Corporation", "中国海油", "high"),
    ("CRRC Corporation Limited", "中国中车", "high"),
    ("China COSCO SHIPPING Corporation Limited", "中远海运", "high"),
    ("Contemporary Amperex Technology Co., Ltd.", "宁德时代", "high"),
    ("Quectel Wireless Solutions Co., Ltd.", "移远通信", "high"),
    ("WuXi AppTec Co., Ltd.", "药明康德", "high"),
    ("Hangzhou Yushu Technology Co., Ltd.", "宇树科技", "high"),
]
# Other names of listed parties in Latin or Cyrillic script that the lists do not carry: (name as a US list writes
# it, other name, source). The DPL is looked up too (denied persons are screened by every determination).
RU_TRANSLIT = ("the name as written in Russian-language trade documents and press (a transliteration of the English "
               "name), written from the table author's knowledge; confidence high")
AR_TRANSLIT = ("the name as written in Arabic-language press and trade documents (a transliteration of the English "
               "name), written from the table author's knowledge; confidence high")
AR_OFFICIAL = ("the party's official name in Arabic (as the Syrian state and its own documents write it), written from "
               "the table author's knowledge; confidence high")
KO_TRANSLIT = ("the name as written in Korean-language press and by the party's Korean offices (a Hangul "
               "transliteration of the English name), written from the table author's knowledge; confidence high")
CURATED_OTHER: list[tuple[str, str, str]] = [
    # the Korean name of Korea Ryonbong romanised as the DPRK writes it (McCune-Reischauer): 조선련봉총회사 'Choson
    # Ryonbong Chonghoesa' (adversarial R50b-08 screened CLEAR)
    ("KOREA RYONBONG GENERAL CORPORATION", "Choson Ryonbong Chonghoesa",
     "the party's Korean name 조선련봉총회사 romanised (McCune-Reischauer), written from the table author's knowledge; "
     "confidence high"),
    # a renamed party: the SDN file of 2024-05-03 knows Tinkoff Bank (SDN 44259) by its old names only
    ("JSC TINKOFF BANK", "T-Bank JSC",
     "the party's name since 5 June 2024 (the EU consolidated list, OpenSanctions EU journal file 32014R0269.csv: "
     "'T-Bank JSC ... known as Tinkoff Bank until 5 June 2024'); confidence high"),
    ("PJSC AEROFLOT", "Aeroflot - Russian Airlines",
     "the party's registered name, Public Joint-Stock Company 'Aeroflot - Russian Airlines' (the UK consolidated list "
     "2025-04-14 writes it 'Aeroflot-Russian Airlines PJSC', entry RUS1768); confidence high"),
    ("PJSC AEROFLOT", "ПАО Аэрофлот - российские авиалинии",
     "the party's registered name in Russian (ПАО «Аэрофлот – российские авиалинии»), written from the table "
     "author's knowledge; confidence high"),
    # adversarial round 24 (R24-04, R24-14, R24-15: Huawei's subsidiaries in Russia, Belarus and Japan in their own
    # registered names screened CLEAR)
    ("Huawei Russia", "ООО «Техкомпания Хуавэй»",
     "the registered name in Russian of Huawei's Russian company (Техкомпания Хуавэй, 'Techcompany Huawei' LLC), "
     "written from the table author's knowledge; confidence high"),
    ("Huawei Russia", "Техкомпания Хуавэй",
     "the same name without its legal form; written from the table author's knowledge; confidence high"),
    ("Bel Huawei Technologies LLC", "СООО «Бел Хуавэй Текнолоджиз»",
     "the registered name in Russian of the Belarusian joint venture (СООО: foreign-owned limited liability "
     "company), written from the table author's knowledge; confidence high"),
    ("Huawei Technologies Japan K.K.", "ファーウェイ・ジャパン株式会社",
     "the Japanese name the company trades under (ファーウェイ, Huawei in katakana), written from the table author's "
     "knowledge; confidence medium"),
    ("Huawei Technologies Japan K.K.", "華為技術日本株式会社",
     "the registered Japanese name of the company, written from the table author's knowledge; confidence medium"),
    # adversarial round 24 (R24b-08, R24c-07: Huawei in Arabic, Hikvision's name transliterated into Russian)
    ("Hangzhou Hikvision Digital Technology Co., Ltd.", "Ханчжоу Хиквижн Диджитал Текнолоджи Ко., Лтд.", RU_TRANSLIT),
    ("Hangzhou Hikvision Digital Technology Co., Ltd.", "Хиквижн", RU_TRANSLIT),
    ("Hangzhou Hikvision Digital Technology Co., Ltd.", "Хиквижен", RU_TRANSLIT),
    ("Huawei Technologies Co., Ltd.", "Хуавэй Текнолоджиз", RU_TRANSLIT),
    ("Huawei Technologies Co., Ltd.", "Хуавей Текнолоджис", RU_TRANSLIT),
    ("Huawei Technologies Co., Ltd.", "Хуавэй", RU_TRANSLIT),
    ("Huawei Technologies Co., Ltd.", "Хуавей", RU_TRANSLIT),
    ("Huawei Technologies Co., Ltd.", "هواوي تكنولوجيز", AR_TRANSLIT),
    ("Huawei Technologies Co., Ltd.", "هواوي", AR_TRANSLIT),
    ("Hangzhou Hikvision Digital Technology Co., Ltd.", "هيكفيجن", AR_TRANSLIT),
    ("Huawei Technologies (Thailand) Co.", "บริษัท หัวเว่ย เทคโนโลยี่ (ประเทศไทย) จำกัด",
     "the registered Thai name of the company (บริษัท ... จำกัด: company limited; หัวเว่ย: Huawei), written from the "
     "table author's knowledge; confidence medium"),
    ("Huawei Technologies (Thailand) Co.", "หัวเว่ย เทคโนโลยี่ (ประเทศไทย)",
     "the same name without its legal form; confidence medium"),
    # adversarial round 25 (R25-07, R25-08, R25-12, R25-13, R25-36, R25b-06: listed parties written in Hangul,
    # Arabic, Chinese and Persian with an office word after the name screened CLEAR)
    ("Hangzhou Hikvision Digital Technology Co., Ltd.", "하이크비전", KO_TRANSLIT),
    ("Hangzhou Hikvision Digital Technology Co., Ltd.", "하이크비전 디지털 테크놀로지", KO_TRANSLIT),
    ("Huawei Technologies Co., Ltd.", "화웨이", KO_TRANSLIT),
    ("Huawei Technologies Co., Ltd.", "화웨이 테크놀로지스", KO_TRANSLIT),
    ("AO Kaspersky Lab", "카스퍼스키 랩", KO_TRANSLIT),
    ("AO Kaspersky Lab", "카스퍼스키랩", KO_TRANSLIT),
    ("Zhejiang Dahua Technology Co., Ltd.", "داهوا تكنولوجي", AR_TRANSLIT),
    ("Zhejiang Dahua Technology Co., Ltd.", "داهوا", AR_TRANSLIT),
    ("Dahua Technology", "داهوا تكنولوجي", AR_TRANSLIT),  # (the Entity List's entry, 84 FR 54002)
    ("Dahua Technology", "داهوا", AR_TRANSLIT),
    ("MAHAN AIR", "马汉航空",
     "the airline's name in Chinese-language press and aviation documents (马汉 Mahan, 航空 air / airline; also "
     "written 伊朗马汉航空公司, 'Iran's Mahan Air company'), written from the table author's knowledge; "
     "confidence high"),
    ("MAHAN AIR", "马汉航空公司",
     "the same name with 公司 'company'; written from the table author's knowledge; confidence high"),
    ("IRAN AIR", "伊朗航空公司",
     "the airline's name in Chinese (伊朗 Iran, 航空公司 airline company), as Chinese-language press and its "
     "offices in "
     "China write it (R25b-07: '伊朗航空公司迪拜办事处' was read only on the place 伊朗); written from the table "
     "author's knowledge; confidence high"),
    ("ISLAMIC REVOLUTIONARY GUARD CORPS INTELLIGENCE ORGANIZATION", "سازمان اطلاعات سپاه پاسداران انقلاب اسلامی",
     "the organisation's name in Persian (سازمان اطلاعات 'intelligence organisation' of سپاه پاسداران انقلاب اسلامی, "
     "the Islamic Revolutionary Guard Corps), written from the table author's knowledge; confidence high"),
    ("ISLAMIC REVOLUTIONARY GUARD CORPS INTELLIGENCE ORGANIZATION", "سازمان اطلاعات سپاه",
     "the short Persian name used in Iranian press ('intelligence organisation of the Corps'), written from the table "
     "author's knowledge; confidence high"),
    # adversarial round 28 (R28-18: SDN Syrian Arab Airlines written by its Arabic name with an office word was
    # found only by the place word سورية): Syrian state parties of the SDN List by their official Arabic names
    ("SYRIAN ARAB AIRLINES", "مؤسسة الطيران العربية السورية", AR_OFFICIAL),
    ("SYRIAN ARAB AIRLINES", "السورية للطيران",
     "the airline's trading name in Arabic (Syrianair, 'the Syrian [company] for aviation'), written from the table "
     "author's knowledge; confidence high"),
    # ... and by its brand in Latin letters (R28b-26: 'SyrianAir Sharjah Sales Office' matched only the Syrian Air
    # Force): the SDN List names the airline so only in the remarks of its aircraft ('Aircraft Operator Syrianair')
    ("SYRIAN ARAB AIRLINES", "Syrianair",
     "the airline's trading name and brand (SDN List 2024-05-03, entries of its aircraft such as YK-ANH: 'Aircraft "
     "Operator Syrianair'); confidence high"),
    # adversarial R31-25: the MEU List writes the company's English short name; orders carry its registered one
    ("Shenyang Aircraft Corporation", "Shenyang Aircraft Industry (Group) Co., Ltd.",
     "the party's registered name in English (沈阳飞机工业（集团）有限公司, Shenyang Aircraft Industry (Group) Co., "
     "Ltd., a subsidiary of the Aviation Industry Corporation of China), written from the table author's "
     "knowledge; confidence high"),
    # adversarial R31c-13: the Entity List's Belmicrosystems Research and Design Center is JSC Integral's branch
    # 'Научно-технический центр «Белмикросистемы»' (НТЦ, scientific and technical centre), at the same Minsk address
    ("Belmicrosystems Research and Design Center", "Научно-технический центр «Белмикросистемы»",
     "the party's name in Russian as JSC Integral (Minsk) names its branch, 'Филиал «Научно-технический центр "
     "«Белмикросистемы»» ОАО «ИНТЕГРАЛ»', written from the table author's knowledge; confidence high"),
    ("Belmicrosystems Research and Design Center", "НТЦ «Белмикросистемы»",
     "the same name with its usual abbreviation НТЦ (научно-технический центр); written from the table author's "
     "knowledge; confidence high"),
    ("COMMERCIAL BANK OF SYRIA", "المصرف التجاري السوري", AR_OFFICIAL),
    ("SYRIAN PETROLEUM COMPANY", "الشركة السورية للنفط", AR_OFFICIAL),
]
# Japanese names of Japanese parties of the SDN List (no list in ../shared/data carries a Japanese name for them):
# (name as the SDN List writes it, Japanese name, source). The National Police Agency of Japan publishes the
# organisations designated under the Act on Prevention of Unjust Acts by Organized Crime Group Members (暴力団員に
# よる不当な行為の防止等に関する法律, Act No. 77 of 1991) by their Japanese names, in its yearly report on organised
# crime (警察庁組織犯罪対策部「組織犯罪の情勢」, table 指定暴力団の指定状況): 六代目山口組 (the sixth-generation
# Yamaguchi-gumi, designated since 1992) and 神戸山口組 (designated 2016). 山口組 is the name without the generation.
NPA_SOURCE = ("Japanese name of the designated boryokudan as the National Police Agency of Japan lists it "
              "(警察庁 「組織犯罪の情勢」, 指定暴力団の指定状況: {listed}); "
              "written from the table author's knowledge; confidence high")
CURATED_JAPANESE: list[tuple[str, str, str]] = [
    ("YAMAGUCHI-GUMI", "山口組", NPA_SOURCE.format(listed="六代目山口組")),
    ("YAMAGUCHI-GUMI", "六代目山口組", NPA_SOURCE.format(listed="六代目山口組")),
    ("KOBE YAMAGUCHI-GUMI", "神戸山口組", NPA_SOURCE.format(listed="神戸山口組")),
]
# Korean names of North Korean parties of the SDN List, as the DPRK writes them (no list in ../shared/data carries
# Korean script): (English name as the SDN List writes it, Korean name, what the Korean says, confidence).
KOREAN_SOURCE = ("Korean name used by the DPRK party ({gloss}); written from the table author's knowledge, not "
                 "re-checked against a DPRK or UN document; confidence {c}")
CURATED_KOREAN: list[tuple[str, str, str, str]] = [
    ("KOREA MINING DEVELOPMENT TRADING CORPORATION", "조선광업개발무역회사",
     "조선 Korea, 광업 mining, 개발 development, 무역 trading, 회사 corporation: KOMID", "high"),
    # adversarial round 25 (R25-39: '조선인민군 정찰총국 선양대표부' screened CLEAR)
    ("RECONNAISSANCE GENERAL BUREAU", "정찰총국", "정찰 reconnaissance, 총국 general bureau: the RGB", "high"),
    ("RECONNAISSANCE GENERAL BUREAU", "조선인민군 정찰총국",
     "조선인민군 Korean People's Army, 정찰총국 Reconnaissance General Bureau: the RGB under the KPA", "high"),
    # adversarial round 50 (R50-37, R50b-01..R50b-06: North Korean SDN parties in Hangul screened CLEAR)
    ("KOREA RYONBONG GENERAL CORPORATION", "조선련봉총회사",
     "조선 Korea, 련봉 Ryonbong, 총회사 general corporation", "high"),
    ("TANCHON COMMERCIAL BANK", "단천상업은행", "단천 Tanchon, 상업 commercial, 은행 bank", "high"),
    ("DAEDONG CREDIT BANK", "대동신용은행", "대동 Daedong, 신용 credit, 은행 bank", "high"),
    ("KOREA KWANGSON BANKING CORP", "조선광선은행", "조선 Korea, 광선 Kwangson, 은행 bank", "high"),
    ("NAMCHONGANG TRADING CORPORATION", "남천강무역회사", "남천강 Namchongang, 무역 trading, 회사 corporation",
     "high"),
    ("KOREA TANGUN TRADING CORPORATION", "조선단군무역회사", "조선 Korea, 단군 Tangun, 무역 trading, 회사 corporation",
     "high"),
]
# CETC research institutes: the group's naming is "中国电子科技集团公司第<N>研究所" (N in Chinese numerals).
# Rows added in session 6 (trail6, adversarial round 6: R6-29, R6-34, R6-64), keyed by entry: the Russian MoD
# Entity List entry's own words (87 FR 12240) and Rostec's Russian names: (list, entry key, alias, source).
CURATED_BY_ENTRY: list[tuple[str, str, str, str]] = [
    ('el', 'el-2ff5db92f400', 'Ministry of Defence of the Russian Federation',
     "Entity List entry text (15 CFR part 744 supp. 4, 87 FR 12240): 'Ministry of Defence of the "
     'Russian Federation, including the Armed Forces of Russia and all operating units wherever '
     "located'"),
    ('el', 'el-2ff5db92f400', 'Ministry of Defense of the Russian Federation',
     "Entity List entry text (15 CFR part 744 supp. 4, 87 FR 12240), US spelling of 'Ministry of "
     "Defence of the Russian Federation'"),
    ('el', 'el-2ff5db92f400', 'Russian Ministry of Defence',
     "Entity List entry text (15 CFR part 744 supp. 4, 87 FR 12240): 'Ministry of Defence of the "
     "Russian Federation'"),
    ('el', 'el-2ff5db92f400', 'Armed Forces of Russia',
     "Entity List entry text (15 CFR part 744 supp. 4, 87 FR 12240): 'including the Armed Forces "
     "of Russia and all operating units wherever located'"),
    ('el', 'el-2ff5db92f400', 'Armed Forces of the Russian Federation',
     "Entity List entry text (15 CFR part 744 supp. 4, 87 FR 12240): 'the Armed Forces of "
     "Russia' ... 'of the Russian Federation'"),
    ('el', 'el-2ff5db92f400', 'Russian Armed Forces',
     "Entity List entry text (15 CFR part 744 supp. 4, 87 FR 12240): 'the Armed Forces of "
     "Russia'"),
    ('el', 'el-2ff5db92f400', 'Russian Army',
     "Entity List entry text (15 CFR part 744 supp. 4, 87 FR 12240): 'the national armed "
     "services (army, navy, marine, air force, or coast guard) ... of the Russian Federation'"),
    ('el', 'el-2ff5db92f400', 'Russian Navy',
     "Entity List entry text (15 CFR part 744 supp. 4, 87 FR 12240): 'the national armed "
     "services (army, navy, marine, air force, or coast guard) ... of the Russian Federation'"),
    ('el', 'el-2ff5db92f400', 'Russian Naval Infantry',
     "Entity List entry text (15 CFR part 744 supp. 4, 87 FR 12240): 'the national armed "
     "services (army, navy, marine, air force, or coast guard) ... of the Russian Federation' "
     '(marines: the Naval Infantry)'),
    ('el', 'el-2ff5db92f400', 'Russian Air Force',
     "Entity List entry text (15 CFR part 744 supp. 4, 87 FR 12240): 'the national armed "
     "services (army, navy, marine, air force, or coast guard) ... of the Russian Federation'"),
    ('el', 'el-2ff5db92f400', 'Russian Aerospace Forces',
     "Entity List entry text (15 CFR part 744 supp. 4, 87 FR 12240): 'air force ... of the "
     "Russian Federation' (the Aerospace Forces are Russia's air force since 2015)"),
    ('el', 'el-2ff5db92f400', 'Russian Coast Guard',
     "Entity List entry text (15 CFR part 744 supp. 4, 87 FR 12240): 'the national armed "
     "services (army, navy, marine, air force, or coast guard) ... of the Russian Federation'"),
    ('el', 'el-2ff5db92f400', 'Russian National Guard',
     "Entity List entry text (15 CFR part 744 supp. 4, 87 FR 12240): 'as well as the national "
     "guard and national police ... of the Russian Federation'"),
    ('el', 'el-2ff5db92f400', 'Министерство обороны Российской Федерации',
     'official Russian name of the Ministry of Defence of the Russian Federation (mil.ru; '
     "Presidential Decree No. 1082 of 16 August 2004); the Entity List entry 'Ministry of "
     "Defence of the Russian Federation' (87 FR 12240)"),
    ('el', 'el-2ff5db92f400', 'Вооружённые силы Российской Федерации',
     'official Russian name of the Armed Forces of the Russian Federation (Federal Law No. 61-FZ '
     "'On Defence', art. 10); the Entity List entry 'including the Armed Forces of Russia' (87 "
     'FR 12240)'),
    ('el', 'el-c72f47d0d739', 'Госкорпорация «Ростех»',
     'Russian name of Rostec as the corporation writes it (rostec.ru); Federal Law No. 270-FZ of '
     "23 November 2007 'On the State Corporation Rostec'; the Entity List entry 'Rostec (Russian "
     "Technologies State Corporation)' (87 FR 12240)"),
    ('el', 'el-c72f47d0d739', 'Государственная корпорация «Ростех»',
     "Russian name of Rostec (Federal Law No. 270-FZ of 23 November 2007 'On the State "
     "Corporation Rostec'); the Entity List entry 'Rostec (Russian Technologies State "
     "Corporation)' (87 FR 12240)"),
    ('el', 'el-c72f47d0d739', 'Ростех',
     'Russian name of Rostec as the corporation writes it (rostec.ru); the Entity List entry '
     "'Rostec (Russian Technologies State Corporation)' (87 FR 12240)"),
    ('sdn', '17260', 'Госкорпорация «Ростех»',
     'Russian name of Rostec as the corporation writes it (rostec.ru); Federal Law No. 270-FZ of '
     "23 November 2007; the SDN entry 'STATE CORPORATION ROSTEC'"),
    ('sdn', '17260', 'Государственная корпорация «Ростех»',
     "Russian name of Rostec (Federal Law No. 270-FZ of 23 November 2007 'On the State "
     "Corporation Rostec'); the SDN entry 'STATE CORPORATION ROSTEC'"),
    ('sdn', '17260', 'Ростех',
     "Russian name of Rostec as the corporation writes it (rostec.ru); the SDN entry 'STATE "
     "CORPORATION ROSTEC'"),
]


_CETC = {7: "七", 11: "十一", 13: "十三", 14: "十四", 16: "十六", 28: "二十八", 29: "二十九", 30: "三十",
         32: "三十二", 36: "三十六", 38: "三十八", 41: "四十一", 43: "四十三", 45: "四十五", 48: "四十八",
         52: "五十二", 55: "五十五", 58: "五十八"}


def key(name: str, strip_legal: bool = False) -> str:
    s = anyascii(name).lower().replace("&", " and ")
    s = re.sub(r",\s*[a-z' ]+,\s*[a-z' ]+$", "", s)  # ", Shenzhen, Guangdong" after the name
    toks = re.findall(r"[a-z0-9]+", s)
    if strip_legal:
        toks = [t for t in toks if t not in _LEGAL]
    return " ".join(toks)


def script(name: str) -> str:
    s = scripts_of(name) & {"Han", "Cyrillic", "Hangul", "Arabic", "Thai"}
    return ("Hangul" if "Hangul" in s else "Han" if "Han" in s else "Cyrillic" if "Cyrillic" in s
            else "Arabic" if "Arabic" in s else "Thai" if s else "Latin")


def cetc_number(name: str) -> int | None:
    if not re.search(r"China Electronics? Technology Group Corporation", name, re.I) or "Subordinate" in name:
        return None
    m = re.search(r"\b(?:No\.\s*)?(\d+)(?:st|nd|rd|th)?\b", name)
    return int(m.group(1)) if m and "Institute" in name else None


def _native_names(src: Entity) -> list[str]:
    """The Chinese or Russian names of an EU / UK entity (a Japanese name in Han and Kana is not a Chinese registered
    name)."""
    return [n.value for n in src.names if len(scripts_of(n.value) - {"Common", "Latin"}) == 1
            and scripts_of(n.value) & {"Han", "Cyrillic"}]


_NUMBER = re.compile(r"\d{9,}")  # a registration or tax number (Russian INN of 10 or 12 digits, OGRN of 13)


def _numbers(src: Entity) -> frozenset[str]:
    """The registration and tax numbers an EU / UK entity gives."""
    return frozenset(m for i in src.identifiers for m in _NUMBER.findall(i.value))


def _other_person(mine: frozenset[str], other: frozenset[str]) -> bool:
    """Whether two sets of registration and tax numbers are another legal person's: numbers of one kind (of the same
    length: INN, OGRN) on both sides, and none in common (one entity giving its OGRN and another its INN says
    nothing)."""
    return not mine & other and bool({len(m) for m in mine} & {len(o) for o in other})


def _native_claims(sources: list[Entity]) -> dict[str, list[frozenset[str]]]:
    """Native name (``key``) -> the registration and tax numbers of each source entity that carries it."""
    out: dict[str, list[frozenset[str]]] = defaultdict(list)
    for src in sources:
        for n in _native_names(src):
            out[key(n)].append(_numbers(src))
    return out


def build(lists: dict[str, list[Entity]]) -> tuple[list[dict[str, str]], list[str]]:
    targets = [e for c in TARGETS for e in lists.get(c, [])]
    by_key: dict[str, list[Entity]] = defaultdict(list)
    by_stripped: dict[str, list[Entity]] = defaultdict(list)
    for e in targets:
        for n in e.names:
            by_key[key(n.value)].append(e)
            by_stripped[key(n.value, strip_legal=True)].append(e)
    rows: dict[tuple[str, str, str], dict[str, str]] = {}

    def add(e: Entity, alias: str, source: str) -> None:
        alias = " ".join(alias.split())
        rows.setdefault((e.list_code, e.entry_id, alias), {
            "list": e.list_code, "entry_key": e.entry_id, "alias": alias, "script": script(alias), "source": source})

    unresolved: list[str] = []
    for english, chinese, conf in CURATED:
        found = {(e.list_code, e.entry_id): e for e in by_key.get(key(english), [])}
        if not found:
            unresolved.append(english)
        for e in found.values():
            add(e, chinese, CURATED_SOURCE.format(c=conf))
    for english, short, conf in CURATED_SHORT:
        found = {(e.list_code, e.entry_id): e for e in by_key.get(key(english), [])}
        if not found:
            unresolved.append(english)
        for e in found.values():
            add(e, short, SHORT_SOURCE.format(c=conf))
    other_keys: dict[str, list[Entity]] = defaultdict(list)
    for e in [*targets, *lists.get("dpl", [])]:
        for n in e.names:
            other_keys[key(n.value)].append(e)
    for listed, other, source in CURATED_OTHER:
        found = {(e.list_code, e.entry_id): e for e in other_keys.get(key(listed), [])}
        if not found:
            unresolved.append(listed)
        for e in found.values():
            add(e, other, source)
    for listed, japanese, source in CURATED_JAPANESE:
        found = {(e.list_code, e.entry_id): e for e in by_key.get(key(listed), [])}
        if not found:
            unresolved.append(listed)
        for e in found.values():
            add(e, japanese, source)
    for english, korean, gloss, conf in CURATED_KOREAN:
        found = {(e.list_code, e.entry_id): e for e in by_key.get(key(english), [])}
        if not found:
            unresolved.append(english)
        for e in found.values():
            add(e, korean, KOREAN_SOURCE.format(gloss=gloss, c=conf))
    by_id = {(e.list_code, e.entry_id): e for e in targets}
    for code, entry, alias, source in CURATED_BY_ENTRY:
        if (code, entry) not in by_id:
            unresolved.append(f"{code}:{entry}")
            continue
        add(by_id[(code, entry)], alias, f"{source}; confidence high")  # (the entry's own words, the party's name)
    for e in lists.get("el", []):
        n = cetc_number(e.name)
        if n in _CETC and e.schema is not Schema.PERSON:
            add(e, f"中国电子科技集团公司第{_CETC[n]}研究所", "CETC's naming of its numbered research institutes "
                "(中国电子科技集团公司第N研究所), written from the table author's knowledge; confidence high")

    sources = [(label, src) for code, label in (("eu", "EU consolidated list (OpenSanctions EU journal file {f})"),
                                                ("uk", "UK OFSI consolidated list 2025-04-14"))
               for src in lists.get(code, []) if src.schema is not Schema.PERSON]
    claimed = _native_claims([src for _, src in sources])
    for label, src in sources:
        native = _native_names(src)
        if not native:
            continue
        latin = [n.value for n in src.names if not scripts_of(n.value) & {"Han", "Cyrillic"}]
        # a native name that another source entity with other registration and tax numbers carries too is one of
        # two legal persons', and the source does not say which (the EU's Zelenodolsk Design Bureau JSC, INN
        # 1648024290, carries the Russian name of the Gorky shipyard, INN 1648013442, another EU entry: adversarial
        # R18-40); left out
        mine = _numbers(src)
        native = [n for n in native if not any(_other_person(mine, other) for other in claimed[key(n)])]
        if native:
            where = label.format(f=src.source_file or "?")
            matched: dict[tuple[str, str], tuple[Entity, str]] = {}
            for ln in latin:
                for e in by_key.get(key(ln), []):
                    other_country = bool(e.countries and src.countries and not set(e.countries) & set(src.countries))
                    if e.schema is not Schema.PERSON and key(ln) and not other_country:
                        matched[(e.list_code, e.entry_id)] = (e, f"{where}: native-script name of an entity with "
                                                              f"the same Latin name ({ln}); confidence high")
            for ln in latin:
                k = key(ln, strip_legal=True)
                if len(k.replace(" ", "")) < 10:  # "energiya", "vektor": too common to link without the legal form
                    continue
                for e in by_stripped.get(k, []):
                    same_country = bool(set(e.countries) & set(src.countries)) or not e.countries
                    if e.schema is not Schema.PERSON and same_country:
                        matched.setdefault((e.list_code, e.entry_id), (
                            e, f"{where}: native-script name of an entity whose Latin name ({ln}) matches apart "
                               f"from legal-form words, same country; confidence medium"))
            for e, source in matched.values():
                for alias in native:
                    add(e, alias, source)
    return sorted(rows.values(), key=lambda r: (r["list"], r["entry_key"], r["alias"])), unresolved


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.environ.get("CLEARANCE_DATA", "../shared/data"))
    args = ap.parse_args()
    lists = load_lists(Path(args.data), [*TARGETS, "dpl", "eu", "uk"])
    rows, unresolved = build(lists)
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        fh.write(f"# clearance native-script alias table, version {VERSION} ({dt.date.today().isoformat()}); "
                 "made by bench/screening/alias_table.py\n")
        w = csv.DictWriter(fh, fieldnames=["list", "entry_key", "alias", "script", "source"], lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    by = defaultdict(int)
    for r in rows:
        by[(r["list"], r["script"])] += 1
    print(f"{len(rows)} rows -> {OUT}")
    for k, v in sorted(by.items()):
        print(f"  {k[0]} {k[1]}: {v} rows, {len({r['entry_key'] for r in rows if (r['list'], r['script']) == k})} "
              "entries")
    print(f"curated names resolving to no entry ({len(unresolved)}): {unresolved}")


if __name__ == "__main__":
    main()
