#!/usr/bin/env python3
"""Generates dictionaries/parley/Parley.countries.actors.txt.

Reads the ISO 3166-1 list shipped by Debian's iso-codes package
(/usr/share/iso-codes/json/iso_3166-1.json) and merges it with the curated
table below (short names, demonyms, capital-city metonyms, state
institutions).  Code scheme (see docs/dictionaries.md):

  * country names, short names and demonyms  -> ISO alpha-3 ("EGY")
  * capital city / seat-of-government names   -> <ISO3>GOV ("CAIRO" -> EGYGOV),
    because "Cairo said" means the government
  * state institutions                         -> <ISO3><ROLE> ("IDF" -> ISRMIL)

Usage:  scripts/gen_countries.py [--iso PATH] [--out PATH]
Edit the tables in this script, never the generated file.  The script
refuses to write when a phrase would get two different codes.
"""
import argparse
import json
import re
import sys
import unicodedata

ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
OUT = "dictionaries/parley/Parley.countries.actors.txt"

# CODE | demonyms (adjective first, then plural nouns) | capitals / seats of
# government (coded <CODE>GOV) | extra names for the country (coded CODE).
# Items are separated by ',', words by spaces.  Capitals that are also common
# words or names, or that are shared with other places, are left out on
# purpose (see OMITTED_CAPITALS).
COUNTRIES = """
ABW|Aruban,Arubans||
AFG|Afghan,Afghans|Kabul|
AGO|Angolan,Angolans|Luanda|
AIA|Anguillan,Anguillans||
ALB|Albanian,Albanians|Tirana|
AND|Andorran,Andorrans||
ARE|Emirati,Emiratis|Abu Dhabi|UAE,U.A.E.,Emirates
ARG|Argentine,Argentinian,Argentines,Argentinians|Buenos Aires|
ARM|Armenian,Armenians|Yerevan|
ASM|American Samoan,American Samoans||
ATG|Antiguan,Antiguans||Antigua
AUS|Australian,Australians|Canberra|
AUT|Austrian,Austrians|Vienna|
AZE|Azerbaijani,Azeri,Azerbaijanis,Azeris|Baku|
BDI|Burundian,Burundians|Gitega,Bujumbura|
BES|||Bonaire,Caribbean Netherlands,Sint Eustatius
BEL|Belgian,Belgians||
BEN|Beninese|Porto-Novo,Porto Novo,Cotonou|
BFA|Burkinabe,Burkinabes|Ouagadougou|Burkina
BGD|Bangladeshi,Bangladeshis|Dhaka|
BGR|Bulgarian,Bulgarians||
BHR|Bahraini,Bahrainis|Manama|
BHS|Bahamian,Bahamians||
BIH|Bosnian,Bosnians|Sarajevo|Bosnia,Bosnia-Herzegovina
BLR|Belarusian,Belarusians|Minsk|
BLZ|Belizean,Belizeans|Belmopan|
BMU|Bermudian,Bermudians||
BOL|Bolivian,Bolivians|La Paz|
BRA|Brazilian,Brazilians|Brasilia,Brasília|
BRB|Barbadian,Barbadians|Bridgetown|
BRN|Bruneian,Bruneians|Bandar Seri Begawan|Brunei
BTN|Bhutanese|Thimphu|
BWA|Botswanan,Batswana|Gaborone|
CAF|Central African,Central Africans|Bangui|C.A.R.
CAN|Canadian,Canadians|Ottawa|
CHE|Swiss|Bern,Berne|
CHL|Chilean,Chileans||
CHN|Chinese|Beijing,Peking|PRC,People's Republic of China,mainland China
CIV|Ivorian,Ivorians|Yamoussoukro,Abidjan|Ivory Coast,Cote d'Ivoire
CMR|Cameroonian,Cameroonians|Yaounde,Yaoundé|
COD|Congolese|Kinshasa|DRC,DR Congo,D.R. Congo,Congo-Kinshasa,Democratic Republic of Congo,Democratic Republic of the Congo,Congo
COG|Congolese-Brazzaville|Brazzaville|Congo-Brazzaville,Republic of Congo,Republic of the Congo
COL|Colombian,Colombians|Bogota,Bogotá|
COM|Comoran,Comorian,Comorans,Comorians|Moroni|
CPV|Cape Verdean,Cape Verdeans||Cape Verde
CRI|Costa Rican,Costa Ricans||
CUB|Cuban,Cubans|Havana|
CYP|Cypriot,Cypriots|Nicosia|
CZE|Czech,Czechs|Prague|Czech Republic
DEU|German,Germans|Berlin|
DJI|Djiboutian,Djiboutians||
DMA|Dominican Commonwealth||
DNK|Danish,Dane,Danes|Copenhagen|
DOM|Dominican,Dominicans|Santo Domingo|
DZA|Algerian,Algerians|Algiers|
ECU|Ecuadorian,Ecuadorean,Ecuadorians,Ecuadoreans|Quito|
EGY|Egyptian,Egyptians|Cairo|
ERI|Eritrean,Eritreans|Asmara|
ESH|Sahrawi,Sahrawis,Saharawi,Saharawis|Laayoune|
ESP|Spanish,Spaniard,Spaniards|Madrid|
EST|Estonian,Estonians|Tallinn|
ETH|Ethiopian,Ethiopians|Addis Ababa|
FIN|Finnish,Finn,Finns|Helsinki|
FJI|Fijian,Fijians|Suva|
FRA|French,Frenchman,Frenchmen,Frenchwoman|Paris,Elysee,Elysee Palace,Élysée,Élysée Palace,Quai d'Orsay|
FSM|Micronesian,Micronesians||Micronesia
GAB|Gabonese|Libreville|
GBR|British,Briton,Britons,Brit,Brits|London,Downing Street,Whitehall|Britain,Great Britain,U.K.,UK,England,Scotland,Wales,Northern Ireland
GEO|Georgian,Georgians|Tbilisi|
GHA|Ghanaian,Ghanaians|Accra|
GIN|Guinean,Guineans|Conakry|Guinea-Conakry
GMB|Gambian,Gambians|Banjul|
GNB|Bissau-Guinean,Bissau-Guineans|Bissau|
GNQ|Equatorial Guinean,Equatoguinean,Equatorial Guineans|Malabo|
GRC|Greek,Greeks|Athens|
GRD|Grenadian,Grenadians|St. George's|
GRL|Greenlandic,Greenlanders|Nuuk|
GTM|Guatemalan,Guatemalans|Guatemala City|
GUY|Guyanese||
HKG|Hong Konger,Hong Kongers||
HND|Honduran,Hondurans|Tegucigalpa|
HRV|Croatian,Croat,Croatians,Croats|Zagreb|
HTI|Haitian,Haitians|Port-au-Prince|
HUN|Hungarian,Hungarians|Budapest|
IDN|Indonesian,Indonesians|Jakarta|
IND|Indian,Indians|New Delhi|
IRL|Irish,Irishman,Irishmen|Dublin|Republic of Ireland
IRN|Iranian,Iranians|Tehran,Teheran|Islamic Republic of Iran,Persia
IRQ|Iraqi,Iraqis|Baghdad|
ISL|Icelandic,Icelander,Icelanders|Reykjavik|
ISR|Israeli,Israelis|Jerusalem,Tel Aviv|West Jerusalem,State of Israel
ITA|Italian,Italians|Rome|
JAM|Jamaican,Jamaicans||
JOR|Jordanian,Jordanians|Amman|
JPN|Japanese|Tokyo|
KAZ|Kazakh,Kazakhstani,Kazakhs,Kazakhstanis|Astana|
KEN|Kenyan,Kenyans|Nairobi|
KGZ|Kyrgyz,Kyrgyzstani|Bishkek|Kyrgyzstan
KHM|Cambodian,Cambodians|Phnom Penh|
KIR|I-Kiribati||
KNA|Kittitian,Kittitians|Basseterre|St. Kitts and Nevis
KOR|South Korean,South Koreans|Seoul|ROK,Republic of Korea
KWT|Kuwaiti,Kuwaitis|Kuwait City|
LAO|Lao,Laotian,Laotians|Vientiane|
LBN|Lebanese|Beirut|
LBR|Liberian,Liberians|Monrovia|
LBY|Libyan,Libyans||
LCA|Saint Lucian,St. Lucian,Saint Lucians||St. Lucia
LIE|Liechtensteiner,Liechtensteiners|Vaduz|
LKA|Sri Lankan,Sri Lankans|Colombo|
LSO|Basotho|Maseru|
LTU|Lithuanian,Lithuanians|Vilnius|
LUX|Luxembourgish,Luxembourger,Luxembourgers||
LVA|Latvian,Latvians|Riga|
MAC|Macanese||Macau
MAR|Moroccan,Moroccans|Rabat|
MCO|Monegasque,Monegasques||
MDA|Moldovan,Moldovans|Chisinau|
MDG|Malagasy|Antananarivo|
MDV|Maldivian,Maldivians|| 
MEX|Mexican,Mexicans|Mexico City|
MHL|Marshallese|Majuro|
MKD|Macedonian,Macedonians|Skopje|Macedonia
MLI|Malian,Malians|Bamako|
MLT|Maltese|Valletta|
MMR|Burmese|Naypyidaw,Naypyitaw,Nay Pyi Taw|Burma
MNE|Montenegrin,Montenegrins|Podgorica|
MNG|Mongolian,Mongolians|Ulaanbaatar,Ulan Bator|
MOZ|Mozambican,Mozambicans|Maputo|
MRT|Mauritanian,Mauritanians|Nouakchott|
MUS|Mauritian,Mauritians|Port Louis|
MWI|Malawian,Malawians|Lilongwe|
MYS|Malaysian,Malaysians|Kuala Lumpur,Putrajaya|
NAM|Namibian,Namibians|Windhoek|
NER|Nigerien,Nigeriens|Niamey|
NGA|Nigerian,Nigerians|Abuja|
NIC|Nicaraguan,Nicaraguans|Managua|
NLD|Dutch,Dutchman,Dutchmen|Amsterdam|Holland
NOR|Norwegian,Norwegians|Oslo|
NPL|Nepali,Nepalese,Nepalis|Kathmandu|
NRU|Nauruan,Nauruans||
NZL|New Zealander,New Zealanders|Wellington|
OMN|Omani,Omanis|Muscat|
PAK|Pakistani,Pakistanis|Islamabad|
PAN|Panamanian,Panamanians|Panama City|
PER|Peruvian,Peruvians|Lima|
PHL|Filipino,Filipinos,Philippine|Manila|
PLW|Palauan,Palauans|Ngerulmud|
PNG|Papua New Guinean,Papua New Guineans|Port Moresby|
POL|Polish,Pole,Poles|Warsaw|
PRI|Puerto Rican,Puerto Ricans|San Juan|
PRK|North Korean,North Koreans|Pyongyang|DPRK,D.P.R.K.
PRT|Portuguese|Lisbon|
PRY|Paraguayan,Paraguayans|Asuncion,Asunción|
PSE|Palestinian,Palestinians|Ramallah|coastal enclave,Palestine,State of Palestine,Palestinian territories,Palestinian territory,occupied Palestinian territory,occupied Palestinian territories,Gaza,Gaza Strip,the Strip,Gazan,Gazans,West Bank,occupied West Bank,East Jerusalem,occupied East Jerusalem
QAT|Qatari,Qataris|Doha|
ROU|Romanian,Romanians|Bucharest|
RUS|Russian,Russians|Moscow,Kremlin|Russia,Russian Federation
RWA|Rwandan,Rwandans|Kigali|
SAU|Saudi,Saudis,Saudi Arabian,Saudi Arabians|Riyadh|
SDN|Sudanese|Khartoum,Port Sudan|
SEN|Senegalese|Dakar|
SGP|Singaporean,Singaporeans||
SHN|||Saint Helena,St. Helena,Ascension Island,Tristan da Cunha
SLB|Solomon Islander,Solomon Islanders|Honiara|
SLE|Sierra Leonean,Sierra Leoneans|Freetown|
SLV|Salvadoran,Salvadorans,Salvadorean|San Salvador|
SMR|Sammarinese||
SOM|Somali,Somalis|Mogadishu|Somaliland
SRB|Serbian,Serb,Serbians,Serbs|Belgrade|
SSD|South Sudanese|Juba|
STP|Santomean,Sao Tomean||Sao Tome
SUR|Surinamese|Paramaribo|Surinam
SVK|Slovak,Slovakian,Slovaks|Bratislava|
SVN|Slovene,Slovenian,Slovenes,Slovenians|Ljubljana|
SWE|Swedish,Swede,Swedes|Stockholm|
SWZ|Swazi,Swazis|Mbabane|Swaziland
SYC|Seychellois||
SYR|Syrian,Syrians|Damascus|Syrian Arab Republic
TCD|Chadian,Chadians|N'Djamena,Ndjamena|
TGO|Togolese|Lome,Lomé|
THA|Thai,Thais|Bangkok|Siam
TJK|Tajik,Tajikistani,Tajiks|Dushanbe|
TKM|Turkmen|Ashgabat|
TLS|Timorese|Dili|East Timor
TON|Tongan,Tongans|Nuku'alofa|
TTO|Trinidadian,Tobagonian,Trinidadians|Port of Spain|Trinidad
TUN|Tunisian,Tunisians|Tunis|
TUR|Turkish,Turk,Turks|Ankara|Turkey,Turkiye
TUV|Tuvaluan,Tuvaluans|Funafuti|
TWN|Taiwanese|Taipei|
TZA|Tanzanian,Tanzanians|Dodoma|
UGA|Ugandan,Ugandans|Kampala|
UKR|Ukrainian,Ukrainians|Kyiv,Kiev|
URY|Uruguayan,Uruguayans|Montevideo|
USA|American,Americans|Washington,Washington D.C.,Washington DC,White House|U.S.,U.S,U.S.A.,United States,United States of America,America,the US,USA
UZB|Uzbek,Uzbekistani,Uzbeks|Tashkent|
VAT|Vatican||Holy See,Vatican City
VCT|Vincentian,Vincentians||St. Vincent and the Grenadines
VEN|Venezuelan,Venezuelans|Caracas|
VNM|Vietnamese|Hanoi|
VUT|Ni-Vanuatu|Port Vila|
WSM|Samoan,Samoans||
YEM|Yemeni,Yemenis|Aden|
ZAF|South African,South Africans|Pretoria|
ZMB|Zambian,Zambians|Lusaka|
ZWE|Zimbabwean,Zimbabweans|Harare|
"""

# Capitals deliberately not coded, with the reason (also in the guide).
OMITTED_CAPITALS = {
    "Brussels": "Belgian government, EU institutions and NATO alike",
    "Tripoli": "also Lebanon's second city",
    "Sanaa": "held by the Houthis since 2014 while the recognized government sits in Aden",
    "Victoria": "Seychelles; common name and place name",
    "Kingston": "Jamaica and Norfolk Island; common place name",
    "Georgetown": "Guyana; also Washington and Malaysia places",
    "Santiago": "Chile; many cities of the name",
    "Male": "Maldives; English word",
    "Sofia": "Bulgaria; common given name",
    "Hamilton": "Bermuda; common name",
    "San Jose": "Costa Rica; also a US city",
}

# State institutions and other sub-state phrases: phrase -> code.
INSTITUTIONS = """
ISRMIL|IDF,I.D.F.,Israel Defense Forces,Israel Defence Forces,Israeli Defense Forces,Israeli Defence Forces,Israeli army,Israeli military,Israeli air force,Israeli navy,Tsahal,Zahal
ISRGOV|Israeli government,Government of Israel,Israeli cabinet,Israeli security cabinet,Israeli war cabinet,Israeli Prime Minister's Office,Mossad,Shin Bet,Shabak,Israel Security Agency,COGAT,Coordinator of Government Activities in the Territories
ISRLEG|Knesset
ISRCOP|Israel Police,Israeli police,Israeli Border Police
USACOP|FBI,Federal Bureau of Investigation
USAPTY|GOP,Republican Party
PSEGOV|Palestinian Authority,PA,Palestinian National Authority,Palestinian government,Palestinian Presidency,Palestine Liberation Organization,Palestine Liberation Organisation,PLO,Gaza civil defence,Gaza civil defense,Palestinian Civil Defence,Palestinian Civil Defense,Gaza government media office,Gaza's government media office,Government Media Office in Gaza
PSEHLH|Gaza health ministry,Palestinian health ministry,Gaza Health Ministry,Health Ministry in Gaza,Ministry of Health in Gaza,Palestinian Red Crescent,Palestine Red Crescent Society,PRCS
PSEMED|WAFA,Wafa news agency
USAMIL|US military,US forces,US troops,US army,US navy,US air force,US Marines,US warships,US Central Command,Pentagon,U.S. military,U.S. Army,U.S. Navy,U.S. Air Force,U.S. forces,CENTCOM,U.S. Central Command,Central Command,U.S. Marines
USAGOV|NSA,National Security Agency,US government,US administration,US officials,US official,US president,US envoy,US special envoy,US ambassador,US secretary of state,US State Department,US Treasury,US intelligence,US negotiators,US delegation,State Department,U.S. State Department,Department of State,Trump administration,Biden administration,CIA,Central Intelligence Agency,National Security Council,Treasury Department,U.S. Treasury
USALEG|Capitol Hill,U.S. Congress,US Congress,U.S. Senate,House of Representatives,Senate Foreign Relations Committee
USAMED|Washington Post,Associated Press,CNN,Fox News,New York Times,Wall Street Journal
RUSMIL|Russian army,Russian military,Russian forces,Russian armed forces
RUSGOV|Russian Defence Ministry,Russian Defense Ministry,FSB,Federal Security Service,Russian Foreign Ministry,Russian government,Roscosmos
RUSMED|TASS,RIA Novosti,Moscow Times,RT,Interfax
UKRMIL|Ukrainian army,Ukrainian military,Ukrainian forces,Armed Forces of Ukraine,Ukrainian armed forces,Ukraine's General Staff,Ukrainian General Staff
UKRGOV|Ukrainian Defence Ministry,Ukrainian Defense Ministry,SBU,Security Service of Ukraine,Ukrainian government,Ukrainian Foreign Ministry,Ukrainian military intelligence,Office of the President of Ukraine,Bankova
UKRLEG|Verkhovna Rada,Rada
UKRMED|Ukrinform,Kyiv Independent,Kyiv Post
EGYGOV|Egyptian government,Egyptian foreign ministry,Egyptian intelligence,General Intelligence Service,Egyptian General Intelligence
EGYMED|Al-Ahram,Ahram Online,Al-Qahera News,Al Qahera News
QATGOV|Qatari government,Qatari foreign ministry,Qatar's foreign ministry,Amiri Diwan
QATMED|Al Jazeera,Al-Jazeera
SAUMED|Al Arabiya,Al-Arabiya,Saudi Press Agency
ISRMED|Times of Israel,Jerusalem Post,Haaretz,Ynet,Ynetnews,Channel 12,Kan public broadcaster,Army Radio,Israel Hayom,Yedioth Ahronoth
GBRMED|BBC,Reuters,The Guardian,Financial Times,PA Media,PA news agency,Press Association
FRAMED|AFP,Agence France-Presse,France 24
DEUMED|Deutsche Welle,DW
TURMED|Anadolu,Anadolu Agency,TRT
IRNMED|IRNA,Tasnim,Fars news agency,Press TV,Tehran Times,Mehr news agency
IRNMIL|IRGC,Revolutionary Guards,Islamic Revolutionary Guard Corps,Revolutionary Guard,Revolutionary Guard Corps,Quds Force,Iranian army,Iranian military
IRNGOV|Iranian government,Iranian foreign ministry,Supreme National Security Council
LBNMIL|Lebanese army,Lebanese Armed Forces,LAF
LBNGOV|Lebanese government,Baabda,Grand Serail
LBNMED|Al-Mayadeen,Al Mayadeen,Al-Manar,Al Manar,NNA,National News Agency
SYRGOV|Syrian government
SYRMED|Syrian Arab News Agency
SDNMIL|Sudanese Armed Forces,Sudanese army,SAF,Sudanese military
SDNGOV|Sovereignty Council,Sovereign Council,Transitional Sovereignty Council
JORGOV|Jordanian Royal Court,Jordanian government
CHNGOV|Zhongnanhai,Chinese foreign ministry,Chinese government
CHNMIL|People's Liberation Army,PLA
CHNMED|Xinhua,Global Times,CGTN
YEMGOV|Presidential Leadership Council,Yemeni government,internationally recognized government
CODMIL|FARDC,Congolese army
RWAMIL|Rwanda Defence Force,Rwandan Defence Force,RDF,Rwandan army
ETHMIL|Ethiopian National Defense Force,ENDF,Ethiopian army
COLMIL|Colombian army
INDMIL|Indian army
PAKMIL|Pakistani army,Pakistan army,ISPR,ISI,Inter-Services Intelligence
MMRMIL|Tatmadaw,Myanmar military,Myanmar army,Myanmar junta,military junta in Myanmar,State Administration Council
GBRGOV|Foreign Commonwealth and Development Office,FCDO,MI6,British government,UK government
GBRLEG|House of Commons,Westminster
DEUGOV|Bundesregierung,German government,Chancellery
"""

# Places inside a country or territory: phrase -> country code.  Territories
# are coded by the state they belong to under UN General Assembly and
# Security Council resolutions (Gaza, the West Bank and East Jerusalem ->
# PSE; Crimea, Donetsk, Luhansk, Zaporizhzhia, Kherson -> UKR; the Golan
# Heights -> SYR), whoever controls them on the day.
PLACES = """
PSE|Shati,al-Shati,Beach refugee camp,Rafah,Khan Younis,Khan Yunis,Khan Younes,Jabalia,Jabaliya,Deir al-Balah,Deir el-Balah,Beit Lahia,Beit Hanoun,Nuseirat,al-Mawasi,Mawasi,Gaza City,Shujaiya,Zeitoun,Bureij,Maghazi,Jenin,Nablus,Tulkarm,Tulkarem,Hebron,Bethlehem,Jericho,Qalqilya,Tubas,Nur Shams,Jordan Valley,Philadelphi corridor,Netzarim corridor,Morag corridor,Kerem Shalom crossing,Rafah crossing
ISR|Kiryat Gat,Negev desert,Sderot,Ashkelon,Ashdod,Haifa,Beersheba,Eilat,Be'eri,Kibbutz Be'eri,Kfar Aza,Nir Oz,Reim,Netivot,Metula,Kiryat Shmona,Nahariya,Negev,Gaza envelope,Gaza border communities,Otef Aza,Galilee
LBN|Litani,Litani River,Marjayoun,Khiam,Bint Jbeil,Naqoura,south Lebanon,southern Lebanon,Dahiyeh,Dahiya,Tyre,Sidon,Nabatieh,Bekaa,Bekaa Valley,Baalbek
SYR|Aleppo,Idlib,Homs,Hama,Latakia,Tartus,Deir ez-Zor,Deir al-Zor,Raqqa,Daraa,Sweida,Suwayda,Quneitra,Golan Heights,the Golan,the Golan Heights,occupied Golan Heights
UKR|Vuhledar,Kupiansk,Toretsk,Chasiv Yar,Kurakhove,Huliaipole,Kostiantynivka,Myrnohrad,Kharkiv,Odesa,Odessa,Zaporizhzhia,Dnipro,Lviv,Kherson,Mykolaiv,Sumy,Chernihiv,Donbas,Donbass,Donetsk,Luhansk,Lugansk,Bakhmut,Avdiivka,Pokrovsk,Kramatorsk,Mariupol,Crimea,Crimean peninsula,Sevastopol
RUS|Belgorod,Kursk,Bryansk,Rostov-on-Don,St. Petersburg,Saint Petersburg
SDN|Zamzam,Zamzam camp,Al Jazira state,Gezira,Gezira state,Sennar,Babanusa,Kadugli,Dilling,Tawila,Darfur,North Darfur,El Fasher,El-Fasher,al-Fashir,Omdurman,Wad Madani,Kordofan,North Kordofan,South Kordofan,El Obeid,Nyala,Geneina,El Geneina
COD|Minova,Sake,Kalehe,Kamanyola,Uvira,Rubaya,Masisi,Rutshuru,Walikale,Beni,Butembo,Bunia,Goma,Bukavu,North Kivu,South Kivu,Ituri,eastern Congo,eastern DRC
YEM|Hodeidah,Hudaydah,Marib,Saada,Taiz,Red Sea port of Hodeidah
IRQ|Mosul,Erbil,Basra,Kirkuk,Iraqi Kurdistan,Kurdistan Region
IRN|Isfahan,Natanz,Fordow,Fordo,Bushehr,Tabriz,Shiraz,Mashhad
MDA|Transnistria
COL|Catatumbo,Arauca,Norte de Santander,Cauca,Cucuta,Putumayo,Guaviare
MLI|Kidal,Timbuktu,Tombouctou,Menaka,Mopti,Boulkessi,Tinzaouaten,Tin Zaouatene
BFA|Djibo,Barsalogho,Fada N'Gourma
NER|Tillaberi,Tillabery,Diffa,Agadez,Tahoua
NGA|Borno,Borno state,Maiduguri,Zamfara,Benue
SOM|Jubaland,Puntland,Kismayo,Baidoa,Beledweyne
LBY|Benghazi,Misrata,Sirte
GEO|Abkhazia,South Ossetia
AZE|Nagorno-Karabakh,Karabakh
ESH|Western Sahara
MMR|Sagaing,Sagaing region,Lashio,Mandalay,Yangon,Rangoon,Sittwe,Myawaddy,Karen State,Rakhine,Rakhine State,Shan State,Kachin State
ETH|Mekelle,Tigray,Amhara,Oromia
USA|New Jersey,New Mexico,Washington state
XKX|Kosovo,Kosovar,Kosovars,Pristina
"""


def ascii_fold(s):
  return "".join(c for c in unicodedata.normalize("NFKD", s)
                 if not unicodedata.combining(c))


def to_phrase(name):
  """'Cote d'Ivoire' -> "COTE_D'IVOIRE"; None when unusable."""
  name = re.sub(r"\s*\([^)]*\)", "", name).strip()  # "Falkland Islands (Malvinas)"
  if not name or "," in name or "(" in name or "#" in name:
    return None
  # Upper-case ASCII letters only: readers that fold case byte-wise (as
  # PETRARCH's and Parley's do) then still match the NFKC-casefolded text.
  name = "".join(c.upper() if c.isascii() else c.lower() for c in name)
  return "_".join(name.split())


def variants(name):
  out = []
  forms = [ascii_fold(name), name]
  # The tokenizer splits the possessive clitic ("People's" -> people 's):
  # write both the joined and the split form.
  forms += [re.sub(r"(\w)'([sS])\b", r"\1 '\2", f) for f in forms]
  for n in forms:
    p = to_phrase(n)
    if p and p not in out:
      out.append(p)
  return out


def parse_table(text, fields):
  rows = []
  for raw in text.strip().splitlines():
    parts = [p.strip() for p in raw.split("|")]
    parts += [""] * (fields - len(parts))
    rows.append([parts[0]] + [[i.strip() for i in p.split(",") if i.strip()]
                              for p in parts[1:fields]])
  return rows


class Builder:
  """Collects records; refuses a phrase that would get two codes."""

  def __init__(self):
    self.owner = {}    # normalized phrase -> code
    self.records = []  # (comment, code, [phrases])
    self.errors = []

  def add(self, code, names, comment):
    phrases = []
    for name in names:
      for p in variants(name):
        key = p.lower().replace("_", " ")
        prev = self.owner.get(key)
        if prev is not None and prev != code:
          self.errors.append(f"{p}: {prev} and {code}")
          continue
        if prev is None:
          self.owner[key] = code
          phrases.append(p)
    if phrases:
      self.records.append((comment, code, phrases))

  def render(self):
    lines = []
    for comment, code, phrases in self.records:
      if comment:
        lines.append("")
        lines.append(f"# {comment}")
      lines.append(f"{phrases[0]}  [{code}]")
      lines.extend("+" + p for p in phrases[1:])
    return "\n".join(lines) + "\n"


HEADER = """\
# Parley.countries.actors.txt -- GENERATED BY scripts/gen_countries.py; DO NOT EDIT.
# Edit the tables in scripts/gen_countries.py and rerun it:
#   python3 scripts/gen_countries.py
# Sources: ISO 3166-1 (Debian iso-codes, {iso}) plus the curated tables in
# the script (short names, demonyms, capitals, institutions, places).
# Codes: country names and demonyms -> ISO alpha-3; capitals and seats of
# government -> <ISO3>GOV (metonymy: "Cairo said"); institutions ->
# <ISO3><ROLE>.  Bare "US" is deliberately absent (the pronoun "us" has the
# same normalized form); "U.S.", "the US" and "US <noun>" phrases are present.
# Capitals omitted on purpose: {omitted}.
# See docs/dictionaries.md.
"""

# World regions (CAMEO region codes) named as actors, and the region names
# that would otherwise be read as the United States ("Latin American" ->
# AMERICAN).  Only phrases that name the countries or their governments:
# a bare "European" or "African" is far more often a descriptive adjective
# ("a European bailout"), "the West" a direction, "Middle East" a topic.
REGIONS = """
LAM|Latin America,Latin American,Latin Americans,Central America,Central American,Central Americans
NMR|North America,North American,North Americans
WAF|West Africa,West African,West Africans
EAF|East Africa,East African,East Africans
NAF|North Africa,North African,North Africans
MEA|Middle Eastern countries,Middle Eastern nations,Middle Eastern states
MEAGOV|Middle Eastern leaders,Middle Eastern governments
SEA|Southeast Asian countries,Southeast Asian nations,Southeast Asian states
CAS|Central Asian countries,Central Asian nations,Central Asian states,Central Asian republics
ASA|Asian countries,Asian nations
BLK|Balkan countries,Balkan nations,Balkan states
SCN|Nordic countries,Nordic nations,Nordic states,Scandinavian countries
SAM|South America,South American,South Americans
CRB|Caribbean nations,Caribbean countries
PGS|Gulf states,Gulf countries,Gulf Arab states,Persian Gulf states,Gulf monarchies
WST|Western powers,Western countries,Western nations,Western allies,Western democracies
WSTGOV|Western governments,Western officials,Western diplomats,Western leaders
EUR|European countries,European nations,European allies
EURGOV|European leaders,European governments,European officials,European diplomats
AFR|African countries,African nations
AFRGOV|African leaders,African governments
"""


def build(iso_path):
  iso = json.load(open(iso_path, encoding="utf-8"))["3166-1"]
  b = Builder()
  curated = {r[0]: r for r in parse_table(COUNTRIES, 4)}
  # A curated name wins over an ISO name of another country ("Congo" is the
  # DRC in news usage; the Republic of the Congo keeps its longer names).
  reserved = {}
  for code, dem, caps, extra in curated.values():
    for n in extra + dem:
      for v in variants(n):
        reserved[v] = code
  for entry in iso:
    code = entry["alpha_3"]
    names = [entry.get(k, "") for k in ("common_name", "name", "official_name")]
    # ISO writes "the State of Eritrea": drop the article.
    names = [n[4:] if n.lower().startswith("the ") else n for n in names]
    names = [n for n in names if n and
             all(reserved.get(v, code) == code for v in variants(n))]
    if code in curated:
      names += curated[code][3] + curated[code][1]
    b.add(code, names, f"{code} {entry['name']}")
  # Capitals, places and institutions: one record per item, so that the
  # display name (--explain, output "name") is the thing actually matched.
  for code, dem, caps, extra in curated.values():
    add_each(b, code + "GOV", caps, f"{code}: capital / seat of government")
  for code, names in parse_table(PLACES, 2):
    add_each(b, code, names, f"{code}: places")
  for code, names in parse_table(INSTITUTIONS, 2):
    add_each(b, code, names, f"{code}: institutions")
  for code, names in parse_table(REGIONS, 2):
    add_each(b, code, names, f"{code}: world region")
  return b


def add_each(b, code, names, comment):
  for i, n in enumerate(names):
    forms = [n]
    # "US" alone is not an entry (pronoun) but "the US" is: list "the US
    # forces" too, or "the US" would swallow "US forces".
    if n.startswith("US "):
      forms.append("the " + n)
    b.add(code, forms, comment if i == 0 else None)


def main():
  ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
  ap.add_argument("--iso", default=ISO_JSON)
  ap.add_argument("--out", default=OUT)
  args = ap.parse_args()
  b = build(args.iso)
  if b.errors:
    for e in b.errors:
      print("conflict:", e, file=sys.stderr)
  # The ISO-ordered records place each curated name record just before the
  # ISO record of the same code; merge them for readability.
  header = HEADER.format(iso=args.iso, omitted="; ".join(
      f"{k} ({v})" for k, v in OMITTED_CAPITALS.items()))
  with open(args.out, "w", encoding="utf-8") as f:
    f.write(header)
    f.write(b.render())
  print(f"{args.out}: {len(b.records)} records, {len(b.owner)} phrases, "
        f"{len(b.errors)} conflicts", file=sys.stderr)
  return 1 if b.errors else 0


if __name__ == "__main__":
  sys.exit(main())
