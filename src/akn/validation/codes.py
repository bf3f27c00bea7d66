"""ISO 639-2 alpha-3 codes (from the iso-codes tables) and their ISO 639-1 two-letter forms."""
from __future__ import annotations

ISO_639_2 = frozenset("""
aar abk ace ach ada ady afa afh afr ain aka akk ale alg alt amh ang anp apa ara
arc arg arn arp art arw asm ast ath aus ava ave awa aym aze bad bai bak bal bam
ban bas bat bej bel bem ben ber bho bih bik bin bis bla bnt bod bos bra bre btk
bua bug bul byn cad cai car cat cau ceb cel ces cha chb che chg chk chm chn cho
chp chr chu chv chy cmc cnr cop cor cos cpe cpf cpp cre crh crp csb cus cym dak
dan dar day del den deu dgr din div doi dra dsb dua dum dyu dzo efi egy eka ell
elx eng enm epo est eus ewe ewo fan fao fas fat fij fil fin fiu fon fra frm fro
frr frs fry ful fur gaa gay gba gem gez gil gla gle glg glv gmh goh gon gor got
grb grc grn gsw guj gwi hai hat hau haw heb her hil him hin hit hmn hmo hrv hsb
hun hup hye iba ibo ido iii ijo iku ile ilo ina inc ind ine inh ipk ira iro isl
ita jav jbo jpn jpr jrb kaa kab kac kal kam kan kar kas kat kau kaw kaz kbd kha
khi khm kho kik kin kir kmb kok kom kon kor kos kpe krc krl kro kru kua kum kur
kut lad lah lam lao lat lav lez lim lin lit lol loz ltz lua lub lug lui lun luo
lus mad mag mah mai mak mal man map mar mas mdf mdr men mga mic min mis mkd mkh
mlg mlt mnc mni mno moh mon mos mri msa mul mun mus mwl mwr mya myn myv nah nai
nap nau nav nbl nde ndo nds nep new nia nic niu nld nno nob nog non nor nqo nso
nub nwc nya nym nyn nyo nzi oci oji ori orm osa oss ota oto paa pag pal pam pan
pap pau peo phi phn pli pol pon por pra pro pus que raj rap rar roa roh rom ron
run rup rus sad sag sah sai sal sam san sas sat scn sco sel sem sga sgn shn sid
sin sio sit sla slk slv sma sme smi smj smn smo sms sna snd snk sog som son sot
spa sqi srd srn srp srr ssa ssw suk sun sus sux swa swe syc syr tah tai tam tat
tel tem ter tet tgk tgl tha tig tir tiv tkl tlh tli tmh tog ton tpi tsi tsn tso
tuk tum tup tur tut tvl twi tyv udm uga uig ukr umb und urd uzb vai ven vie vol
vot wak wal war was wen wln wol xal xho yao yap yid yor ypk zap zbl zen zgh zha
zho znd zul zun zxx zza
""".split())

#: alpha-3 -> alpha-2, for the RFC 4646 xml:lang of a language
ALPHA_2 = dict(pair.split(":") for pair in """
aar:aa abk:ab afr:af aka:ak amh:am ara:ar arg:an asm:as ava:av ave:ae aym:ay aze:az
bak:ba bam:bm bel:be ben:bn bih:bh bis:bi bod:bo bos:bs bre:br bul:bg cat:ca ces:cs
cha:ch che:ce chu:cu chv:cv cor:kw cos:co cre:cr cym:cy dan:da deu:de div:dv dzo:dz
ell:el eng:en epo:eo est:et eus:eu ewe:ee fao:fo fas:fa fij:fj fin:fi fra:fr fry:fy
ful:ff gla:gd gle:ga glg:gl glv:gv grn:gn guj:gu hat:ht hau:ha heb:he her:hz hin:hi
hmo:ho hrv:hr hun:hu hye:hy ibo:ig ido:io iii:ii iku:iu ile:ie ina:ia ind:id ipk:ik
isl:is ita:it jav:jv jpn:ja kal:kl kan:kn kas:ks kat:ka kau:kr kaz:kk khm:km kik:ki
kin:rw kir:ky kom:kv kon:kg kor:ko kua:kj kur:ku lao:lo lat:la lav:lv lim:li lin:ln
lit:lt ltz:lb lub:lu lug:lg mah:mh mal:ml mar:mr mkd:mk mlg:mg mlt:mt mon:mn mri:mi
msa:ms mya:my nau:na nav:nv nbl:nr nde:nd ndo:ng nep:ne nld:nl nno:nn nob:nb nor:no
nya:ny oci:oc oji:oj ori:or orm:om oss:os pan:pa pli:pi pol:pl por:pt pus:ps que:qu
roh:rm ron:ro run:rn rus:ru sag:sg san:sa sin:si slk:sk slv:sl sme:se smo:sm sna:sn
snd:sd som:so sot:st spa:es sqi:sq srd:sc srp:sr ssw:ss sun:su swa:sw swe:sv tah:ty
tam:ta tat:tt tel:te tgk:tg tgl:tl tha:th tir:ti ton:to tsn:tn tso:ts tuk:tk tur:tr
twi:tw uig:ug ukr:uk urd:ur uzb:uz ven:ve vie:vi vol:vo wln:wa wol:wo xho:xh yid:yi
yor:yo zha:za zho:zh zul:zu
""".split())
