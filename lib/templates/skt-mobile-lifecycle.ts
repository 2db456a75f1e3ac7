import type { TJourneyTemplateInput } from "./types";

// SK Telecom (2009): the subscription lifecycle from first awareness through sign-up, use and
// termination to after termination, in 29 stages and 117 experiences (seed 001, case 9).
// The seed gives the counts and the method, not the step names: those are ours.
export const sktMobileLifecycle: TJourneyTemplateInput = {
  key: "skt-mobile-lifecycle",
  companyKo: "SK텔레콤",
  companyEn: "SK Telecom",
  industryKo: "이동통신",
  industryEn: "Mobile telecommunications",
  caseKo:
    "SK텔레콤은 2009년, 기존 CRM으로는 고객을 감동시킬 수 없다고 판단해 CEM 프로그램을 도입했다. 고객이 서비스를 인지하는 순간부터 가입, 이용, 해지, 해지 이후에 이르는 전 과정을 29개 구간으로 나누고, 그 과정에서 고객이 겪는 구체적인 경험을 117개로 정리했다. 이를 위해 임직원과 고객을 심층면접하고 경쟁사 대리점과 다른 업종의 영업매장까지 관찰해, 고객이 서비스를 접하는 시간·장소·상황과 유형별 경험 내용 및 기대 수준을 파악했다.",
  caseEn:
    "In 2009 SK Telecom adopted a CEM programme, judging that its existing CRM could never delight customers. It divided the whole process — from the moment a customer becomes aware of the service through sign-up, use and termination to after termination — into 29 segments and catalogued 117 concrete customer experiences along the way. To do so it held in-depth interviews with employees and customers and observed competitors' stores and sales outlets in other industries, learning when, where and in what situations customers meet the service, and what each type of customer experiences and expects.",
  /** The journey description in English (journey.description is the Korean one). */
  descriptionEn:
    "The 29 segments and 117 experiences a mobile customer lives through, from first awareness through sign-up, use and termination to after termination. Moments where loyalty is won or lost — billing, call quality, support calls, termination — are marked as MOTs.",
  outcomes: [
    {
      labelKo: "고객 경험 구간 (사례에 성과 수치가 없어 여정 규모를 표시)",
      labelEn: "Journey segments (the case reports no outcome figure; this is the journey's size)",
      value: "29",
    },
    {
      labelKo: "정리한 고객 경험 (사례에 성과 수치가 없어 여정 규모를 표시)",
      labelEn:
        "Customer experiences catalogued (the case reports no outcome figure; this is the journey's size)",
      value: "117",
    },
  ],
  source: "001_f80fbe14b8563237.txt",
  journey: {
    nameKo: "이동통신 가입 생애주기 (SK텔레콤 사례)",
    nameEn: "Mobile subscription lifecycle (SK Telecom case)",
    description:
      "서비스를 처음 인지하는 순간부터 가입, 이용, 해지, 해지 이후까지 이동통신 고객이 겪는 29개 구간과 117개 경험. 요금·청구, 통화 품질, 상담과 해지처럼 로열티가 만들어지거나 무너지는 순간을 MOT로 표시했다.",
    stages: [
      // 1
      {
        nameKo: "브랜드 인지",
        nameEn: "Becoming aware of the brand",
        touchpoints: [
          {
            nameKo: "TV·신문 광고 접하기",
            nameEn: "Seeing TV and print ads",
            channel: "OTHER",
            dimension: "MARKETING_COMMUNICATION",
          },
          {
            nameKo: "지인의 추천과 입소문",
            nameEn: "Recommendations from friends and family",
            channel: "OTHER",
            dimension: "MARKETING_COMMUNICATION",
          },
          {
            nameKo: "온라인 커뮤니티 후기 읽기",
            nameEn: "Reading reviews in online communities",
            channel: "SNS",
            dimension: "MARKETING_COMMUNICATION",
          },
          {
            nameKo: "거리의 대리점 간판과 옥외광고",
            nameEn: "Noticing store signs and billboards",
            channel: "OTHER",
            dimension: "MARKETING_COMMUNICATION",
          },
        ],
      },
      // 2
      {
        nameKo: "요금제·단말기 탐색",
        nameEn: "Researching plans and handsets",
        touchpoints: [
          {
            nameKo: "홈페이지에서 요금제 찾아보기",
            nameEn: "Browsing plans on the website",
            channel: "WEB",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "통신사별 요금제 혜택 비교",
            nameEn: "Comparing plans across carriers",
            description:
              "가입 여부가 사실상 정해지는 순간으로, 요금 구조가 이해하기 어려우면 고객은 경쟁사로 눈을 돌린다.",
            channel: "WEB",
            dimension: "PRODUCT_SERVICE",
            isMoT: true,
            drivers: [
              {
                nameKo: "요금 구조의 명확성",
                nameEn: "Clarity of plan pricing",
                kind: "RATIONAL",
                dimension: "PRODUCT_SERVICE",
              },
              {
                nameKo: "광고 내용과 실제 조건의 일치",
                nameEn: "Ads matching the actual terms",
                kind: "RATIONAL",
                dimension: "MARKETING_COMMUNICATION",
              },
              {
                nameKo: "나에게 맞는 요금제를 찾았다는 확신",
                nameEn: "Confidence of having found the right plan",
                kind: "EMOTIONAL",
                dimension: "PRODUCT_SERVICE",
              },
            ],
          },
          {
            nameKo: "단말기 출고가와 보조금 확인",
            nameEn: "Checking handset prices and subsidies",
            channel: "WEB",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "프로모션 문자·DM 받기",
            nameEn: "Receiving promotional texts and direct mail",
            channel: "MAIL",
            dimension: "MARKETING_COMMUNICATION",
          },
        ],
      },
      // 3
      {
        nameKo: "매장 방문",
        nameEn: "Visiting a store",
        touchpoints: [
          {
            nameKo: "가까운 대리점 찾기",
            nameEn: "Finding a nearby store",
            channel: "WEB",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "매장에 들어서며 받는 첫인상",
            nameEn: "First impression on entering the store",
            channel: "IN_PERSON",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "번호표 뽑고 기다리기",
            nameEn: "Taking a queue number and waiting",
            channel: "KIOSK",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "직원의 첫 인사와 응대",
            nameEn: "Being greeted by staff",
            description:
              "기다리는 고객을 본 척하지 않는 한순간이 그동안 쌓인 브랜드 로열티를 무너뜨릴 수 있다.",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
            isMoT: true,
            drivers: [
              {
                nameKo: "응대를 받기까지 걸린 시간",
                nameEn: "Time until someone attends to me",
                kind: "RATIONAL",
                dimension: "FRONTLINE_STAFF",
              },
              {
                nameKo: "반갑게 맞아 주는 태도",
                nameEn: "Warm, welcoming manner",
                kind: "EMOTIONAL",
                dimension: "FRONTLINE_STAFF",
              },
            ],
          },
        ],
      },
      // 4
      {
        nameKo: "가입 상담",
        nameEn: "Sales consultation",
        touchpoints: [
          {
            nameKo: "사용 패턴을 묻는 질문",
            nameEn: "Questions about my usage habits",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
          },
          {
            nameKo: "사용 패턴에 맞는 요금제 추천",
            nameEn: "Plan recommendation based on my usage",
            description:
              "고객은 직원이 자기 실적보다 고객에게 맞는 요금제를 권하는지를 보고 회사를 신뢰할지 판단한다.",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
            isMoT: true,
            drivers: [
              {
                nameKo: "추천 요금제와 실제 사용량의 적합성",
                nameEn: "Fit of the recommended plan to actual usage",
                kind: "RATIONAL",
                dimension: "PRODUCT_SERVICE",
              },
              {
                nameKo: "알아듣기 쉬운 설명",
                nameEn: "Easy-to-follow explanation",
                kind: "RATIONAL",
                dimension: "FRONTLINE_STAFF",
              },
              {
                nameKo: "내 편에서 권한다는 믿음",
                nameEn: "Trust that staff advise in my interest",
                kind: "EMOTIONAL",
                dimension: "FRONTLINE_STAFF",
              },
            ],
          },
          {
            nameKo: "약정 기간과 할인 조건 설명",
            nameEn: "Explanation of contract term and discounts",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
          },
          {
            nameKo: "부가서비스 가입 권유",
            nameEn: "Being offered add-on services",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
          },
        ],
      },
      // 5
      {
        nameKo: "단말기 선택",
        nameEn: "Choosing a handset",
        touchpoints: [
          {
            nameKo: "전시 단말기 직접 써 보기",
            nameEn: "Trying out display handsets",
            channel: "IN_PERSON",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "원하는 색상·용량 재고 확인",
            nameEn: "Checking stock for colour and capacity",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
          },
          {
            nameKo: "단말기 할부금 계산",
            nameEn: "Working out handset instalments",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
          },
          {
            nameKo: "단말기 보험 가입 안내",
            nameEn: "Handset insurance offer",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
          },
        ],
      },
      // 6
      {
        nameKo: "가입 계약",
        nameEn: "Signing the contract",
        touchpoints: [
          {
            nameKo: "신분증 확인과 본인 인증",
            nameEn: "ID check and identity verification",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
          },
          {
            nameKo: "가입신청서 작성",
            nameEn: "Filling in the application form",
            channel: "IN_PERSON",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "약관과 계약 조건 최종 확인",
            nameEn: "Final review of terms and conditions",
            description:
              "설명과 다른 조건이 나중에 드러나면 고객은 속았다고 느끼므로, 서명 전 확인이 이후 모든 경험의 신뢰를 좌우한다.",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
            isMoT: true,
            drivers: [
              {
                nameKo: "위약금·할부 조건의 투명한 고지",
                nameEn: "Transparent disclosure of penalties and instalments",
                kind: "RATIONAL",
                dimension: "FRONTLINE_STAFF",
              },
              {
                nameKo: "서두르지 않고 확인할 여유",
                nameEn: "Not feeling rushed to sign",
                kind: "EMOTIONAL",
                dimension: "FRONTLINE_STAFF",
              },
            ],
          },
          {
            nameKo: "계약서 사본 받기",
            nameEn: "Receiving a copy of the contract",
            channel: "IN_PERSON",
            dimension: "PRODUCT_SERVICE",
          },
        ],
      },
      // 7
      {
        nameKo: "번호이동",
        nameEn: "Porting my number",
        touchpoints: [
          {
            nameKo: "번호이동 가능 여부 확인",
            nameEn: "Checking porting eligibility",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
          },
          {
            nameKo: "이전 통신사 번호이동 인증",
            nameEn: "Authorising the port-out from my old carrier",
            channel: "PHONE",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "쓰던 번호 그대로 옮기기",
            nameEn: "Keeping my old number",
            channel: "OTHER",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "이전 통신사 잔여 요금 정산 안내",
            nameEn: "Notice of my old carrier's outstanding balance",
            channel: "MAIL",
            dimension: "PRODUCT_SERVICE",
          },
        ],
      },
      // 8
      {
        nameKo: "개통",
        nameEn: "Activation",
        touchpoints: [
          {
            nameKo: "유심 장착과 개통 처리",
            nameEn: "SIM insertion and activation",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
          },
          {
            nameKo: "개통 완료까지 기다리기",
            nameEn: "Waiting for activation to complete",
            description:
              "새 휴대폰을 손에 쥐기 직전의 기다림으로, 길어지면 가입 과정 전체의 인상이 나빠진다.",
            channel: "IN_PERSON",
            dimension: "PRODUCT_SERVICE",
            isMoT: true,
            drivers: [
              {
                nameKo: "개통 소요 시간",
                nameEn: "Time taken to activate",
                kind: "RATIONAL",
                dimension: "PRODUCT_SERVICE",
              },
              {
                nameKo: "진행 상황 안내로 느끼는 안심",
                nameEn: "Reassurance from progress updates",
                kind: "EMOTIONAL",
                dimension: "FRONTLINE_STAFF",
              },
            ],
          },
          {
            nameKo: "개통 완료 문자 받기",
            nameEn: "Receiving the activation text",
            channel: "OTHER",
            dimension: "MARKETING_COMMUNICATION",
          },
          {
            nameKo: "새 휴대폰으로 건 첫 통화",
            nameEn: "First call on the new phone",
            channel: "OTHER",
            dimension: "PRODUCT_SERVICE",
          },
        ],
      },
      // 9
      {
        nameKo: "새 휴대폰 설정",
        nameEn: "Setting up the new phone",
        touchpoints: [
          {
            nameKo: "연락처와 사진 옮기기",
            nameEn: "Transferring contacts and photos",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
          },
          {
            nameKo: "기본 기능과 설정 안내",
            nameEn: "Walkthrough of basic features and settings",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
          },
          {
            nameKo: "사용 설명서와 안내 책자 받기",
            nameEn: "Getting the user guide and leaflets",
            channel: "IN_PERSON",
            dimension: "MARKETING_COMMUNICATION",
          },
        ],
      },
      // 10
      {
        nameKo: "가입 후 첫 연락",
        nameEn: "Welcome after sign-up",
        touchpoints: [
          {
            nameKo: "가입 환영 문자",
            nameEn: "Welcome text message",
            channel: "OTHER",
            dimension: "MARKETING_COMMUNICATION",
          },
          {
            nameKo: "가입 확인 해피콜",
            nameEn: "Post-sale check-in call",
            channel: "PHONE",
            dimension: "FRONTLINE_STAFF",
          },
          {
            nameKo: "웰컴 키트 우편 수령",
            nameEn: "Receiving the welcome pack by post",
            channel: "MAIL",
            dimension: "MARKETING_COMMUNICATION",
          },
          {
            nameKo: "가입 내역 온라인 확인",
            nameEn: "Checking my subscription details online",
            channel: "WEB",
            dimension: "PRODUCT_SERVICE",
          },
        ],
      },
      // 11
      {
        nameKo: "첫 요금 청구",
        nameEn: "First bill",
        touchpoints: [
          {
            nameKo: "첫 청구서 받기",
            nameEn: "Receiving the first bill",
            channel: "EMAIL",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "상담 때 들은 금액과 청구액 비교",
            nameEn: "Checking the bill against what I was told",
            description:
              "상담 때 들은 금액과 첫 청구액이 다르면 고객은 가입 과정 전체를 불신하게 된다.",
            channel: "OTHER",
            dimension: "PRODUCT_SERVICE",
            isMoT: true,
            drivers: [
              {
                nameKo: "안내받은 금액과 청구액의 일치",
                nameEn: "Bill matching the quoted amount",
                kind: "RATIONAL",
                dimension: "PRODUCT_SERVICE",
              },
              {
                nameKo: "청구서 항목의 알기 쉬움",
                nameEn: "Readability of the bill items",
                kind: "RATIONAL",
                dimension: "MARKETING_COMMUNICATION",
              },
              {
                nameKo: "속지 않았다는 안도감",
                nameEn: "Relief at not having been misled",
                kind: "EMOTIONAL",
                dimension: "FRONTLINE_STAFF",
              },
            ],
          },
          {
            nameKo: "일할 계산된 요금 이해하기",
            nameEn: "Understanding pro-rated charges",
            channel: "OTHER",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "자동이체 등록",
            nameEn: "Setting up direct debit",
            channel: "WEB",
            dimension: "PRODUCT_SERVICE",
          },
        ],
      },
      // 12
      {
        nameKo: "요금 납부",
        nameEn: "Paying monthly bills",
        touchpoints: [
          {
            nameKo: "매달 청구서 확인",
            nameEn: "Checking the monthly bill",
            channel: "EMAIL",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "자동이체 출금",
            nameEn: "Direct debit collection",
            channel: "OTHER",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "미납 안내 문자 받기",
            nameEn: "Receiving an overdue-payment notice",
            channel: "OTHER",
            dimension: "MARKETING_COMMUNICATION",
          },
          {
            nameKo: "납부 방법 변경",
            nameEn: "Changing my payment method",
            channel: "WEB",
            dimension: "PRODUCT_SERVICE",
          },
        ],
      },
      // 13
      {
        nameKo: "통화·문자 이용",
        nameEn: "Making calls and sending texts",
        touchpoints: [
          {
            nameKo: "일상 통화 품질",
            nameEn: "Everyday call quality",
            description:
              "통신 서비스의 본질로, 통화가 잘 되지 않으면 다른 어떤 혜택으로도 만족을 채울 수 없다.",
            channel: "OTHER",
            dimension: "PRODUCT_SERVICE",
            isMoT: true,
            drivers: [
              {
                nameKo: "통화 연결률과 음질",
                nameEn: "Call success rate and voice quality",
                kind: "RATIONAL",
                dimension: "PRODUCT_SERVICE",
              },
              {
                nameKo: "어디서든 연결된다는 안심",
                nameEn: "Peace of mind of always being reachable",
                kind: "EMOTIONAL",
                dimension: "PRODUCT_SERVICE",
              },
            ],
          },
          {
            nameKo: "지하·실내에서의 수신 상태",
            nameEn: "Reception indoors and underground",
            channel: "OTHER",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "문자 주고받기",
            nameEn: "Sending and receiving texts",
            channel: "OTHER",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "통화 중 끊김 겪기",
            nameEn: "Experiencing a dropped call",
            channel: "OTHER",
            dimension: "PRODUCT_SERVICE",
          },
        ],
      },
      // 14
      {
        nameKo: "데이터 이용",
        nameEn: "Using mobile data",
        touchpoints: [
          {
            nameKo: "무선 인터넷 접속",
            nameEn: "Connecting to mobile internet",
            channel: "OTHER",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "체감 데이터 속도",
            nameEn: "Perceived data speed",
            channel: "OTHER",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "데이터 잔여량 조회",
            nameEn: "Checking remaining data",
            channel: "APP",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "데이터 한도 초과 알림 받기",
            nameEn: "Alert on exceeding the data allowance",
            description:
              "예상치 못한 데이터 요금 폭탄은 대표적인 불만 원인이므로, 초과 전에 제때 알려 주는 것이 신뢰를 지킨다.",
            channel: "OTHER",
            dimension: "MARKETING_COMMUNICATION",
            isMoT: true,
            drivers: [
              {
                nameKo: "알림 시점의 적시성",
                nameEn: "Timeliness of the alert",
                kind: "RATIONAL",
                dimension: "PRODUCT_SERVICE",
              },
              {
                nameKo: "초과 요금 안내의 명확성",
                nameEn: "Clarity of the overage charges",
                kind: "RATIONAL",
                dimension: "MARKETING_COMMUNICATION",
              },
              {
                nameKo: "회사가 나를 챙겨 준다는 느낌",
                nameEn: "Feeling looked after by the company",
                kind: "EMOTIONAL",
                dimension: "MARKETING_COMMUNICATION",
              },
            ],
          },
        ],
      },
      // 15
      {
        nameKo: "부가서비스 이용",
        nameEn: "Using add-on services",
        touchpoints: [
          {
            nameKo: "통화연결음 설정",
            nameEn: "Setting a ringback tone",
            channel: "APP",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "부가서비스 신청",
            nameEn: "Subscribing to an add-on service",
            channel: "WEB",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "유료 콘텐츠 결제",
            nameEn: "Paying for premium content",
            channel: "APP",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "원치 않는 부가서비스 해지",
            nameEn: "Cancelling an unwanted add-on",
            channel: "PHONE",
            dimension: "FRONTLINE_STAFF",
          },
        ],
      },
      // 16
      {
        nameKo: "해외 로밍",
        nameEn: "Roaming abroad",
        touchpoints: [
          {
            nameKo: "출국 전 공항 로밍센터 방문",
            nameEn: "Visiting the airport roaming desk before departure",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
          },
          {
            nameKo: "현지 도착 후 로밍 안내 문자",
            nameEn: "Roaming welcome text on arrival abroad",
            channel: "OTHER",
            dimension: "MARKETING_COMMUNICATION",
          },
          {
            nameKo: "해외에서 통화·데이터 사용",
            nameEn: "Calls and data while abroad",
            channel: "OTHER",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "귀국 후 로밍 요금 청구",
            nameEn: "Roaming charges on the bill after returning",
            description:
              "해외에서 쓴 요금이 예상을 크게 넘으면 한 번의 청구로 오랜 충성도가 무너질 수 있다.",
            channel: "EMAIL",
            dimension: "PRODUCT_SERVICE",
            isMoT: true,
            drivers: [
              {
                nameKo: "로밍 요금의 예측 가능성",
                nameEn: "Predictability of roaming charges",
                kind: "RATIONAL",
                dimension: "PRODUCT_SERVICE",
              },
              {
                nameKo: "로밍 요율 사전 안내",
                nameEn: "Advance information on roaming rates",
                kind: "RATIONAL",
                dimension: "MARKETING_COMMUNICATION",
              },
              {
                nameKo: "요금 폭탄 걱정에서 벗어난 마음",
                nameEn: "Freedom from fear of bill shock",
                kind: "EMOTIONAL",
                dimension: "PRODUCT_SERVICE",
              },
            ],
          },
        ],
      },
      // 17
      {
        nameKo: "고객센터 문의",
        nameEn: "Calling the customer centre",
        touchpoints: [
          {
            nameKo: "ARS 메뉴 따라가기",
            nameEn: "Navigating the phone menu",
            channel: "PHONE",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "상담원 연결 대기",
            nameEn: "Waiting to reach an agent",
            channel: "PHONE",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "상담원과의 통화",
            nameEn: "Talking to an agent",
            description:
              "문제를 안은 고객이 회사와 직접 말하는 순간으로, 상담원의 태도와 해결 능력이 로열티를 좌우한다.",
            channel: "PHONE",
            dimension: "FRONTLINE_STAFF",
            isMoT: true,
            drivers: [
              {
                nameKo: "한 번의 통화로 해결",
                nameEn: "First-call resolution",
                kind: "RATIONAL",
                dimension: "FRONTLINE_STAFF",
              },
              {
                nameKo: "연결까지의 대기 시간",
                nameEn: "Waiting time to get through",
                kind: "RATIONAL",
                dimension: "PRODUCT_SERVICE",
              },
              {
                nameKo: "공감하며 들어 주는 태도",
                nameEn: "Empathetic listening",
                kind: "EMOTIONAL",
                dimension: "FRONTLINE_STAFF",
              },
            ],
          },
          {
            nameKo: "상담 후 만족도 조사",
            nameEn: "Post-call satisfaction survey",
            channel: "PHONE",
            dimension: "MARKETING_COMMUNICATION",
          },
        ],
      },
      // 18
      {
        nameKo: "온라인 셀프서비스",
        nameEn: "Online self-service",
        touchpoints: [
          {
            nameKo: "홈페이지 로그인",
            nameEn: "Logging in to the website",
            channel: "WEB",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "요금·사용 내역 조회",
            nameEn: "Viewing charges and usage history",
            channel: "WEB",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "채팅 상담",
            nameEn: "Chatting with support online",
            channel: "CHAT",
            dimension: "FRONTLINE_STAFF",
          },
          {
            nameKo: "청구서 수령 방식 변경",
            nameEn: "Switching how I receive my bill",
            channel: "WEB",
            dimension: "PRODUCT_SERVICE",
          },
        ],
      },
      // 19
      {
        nameKo: "단말기 고장·수리",
        nameEn: "Handset repair",
        touchpoints: [
          {
            nameKo: "단말기 고장 발생",
            nameEn: "My handset breaks down",
            channel: "OTHER",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "서비스센터 수리 접수",
            nameEn: "Dropping off the phone at the service centre",
            description:
              "휴대폰 없이 지내야 하는 불편이 큰 순간이라, 접수 응대와 수리 기간 안내가 신뢰를 결정한다.",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
            isMoT: true,
            drivers: [
              {
                nameKo: "수리 기간과 비용의 명확한 안내",
                nameEn: "Clear repair time and cost estimate",
                kind: "RATIONAL",
                dimension: "FRONTLINE_STAFF",
              },
              {
                nameKo: "불편을 헤아려 주는 응대",
                nameEn: "Staff who acknowledge my inconvenience",
                kind: "EMOTIONAL",
                dimension: "FRONTLINE_STAFF",
              },
            ],
          },
          {
            nameKo: "임대폰 빌리기",
            nameEn: "Borrowing a loaner phone",
            channel: "IN_PERSON",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "수리된 휴대폰 찾아가기",
            nameEn: "Collecting the repaired phone",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
          },
        ],
      },
      // 20
      {
        nameKo: "분실·도난",
        nameEn: "Lost or stolen phone",
        touchpoints: [
          {
            nameKo: "분실 신고",
            nameEn: "Reporting a lost phone",
            description:
              "당황한 고객이 도움을 청하는 순간으로, 신속한 조치와 안심시키는 응대가 오래 기억에 남는다.",
            channel: "PHONE",
            dimension: "FRONTLINE_STAFF",
            isMoT: true,
            drivers: [
              {
                nameKo: "즉시 이용 정지 처리",
                nameEn: "Immediate suspension of the line",
                kind: "RATIONAL",
                dimension: "PRODUCT_SERVICE",
              },
              {
                nameKo: "당황한 마음을 가라앉혀 주는 응대",
                nameEn: "Calm, reassuring handling",
                kind: "EMOTIONAL",
                dimension: "FRONTLINE_STAFF",
              },
            ],
          },
          {
            nameKo: "분실 휴대폰 위치 찾기",
            nameEn: "Locating the lost phone",
            channel: "WEB",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "습득된 휴대폰 돌려받기",
            nameEn: "Getting a found phone back",
            channel: "IN_PERSON",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "새 단말기에 번호 되살리기",
            nameEn: "Restoring my number on a new handset",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
          },
        ],
      },
      // 21
      {
        nameKo: "멤버십 혜택",
        nameEn: "Membership benefits",
        touchpoints: [
          {
            nameKo: "멤버십 카드 발급",
            nameEn: "Getting a membership card",
            channel: "WEB",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "제휴처 할인 사용",
            nameEn: "Using partner discounts",
            channel: "IN_PERSON",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "멤버십 포인트 확인",
            nameEn: "Checking membership points",
            channel: "APP",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "장기 고객 감사 혜택",
            nameEn: "Thank-you benefits for long-standing customers",
            description:
              "오래 쓴 고객이 회사가 자신을 알아보고 고마워한다고 느끼는 순간으로, 유지와 추천 의향을 높인다.",
            channel: "MAIL",
            dimension: "MARKETING_COMMUNICATION",
            isMoT: true,
            drivers: [
              {
                nameKo: "혜택의 실질적 가치",
                nameEn: "Real value of the benefit",
                kind: "RATIONAL",
                dimension: "PRODUCT_SERVICE",
              },
              {
                nameKo: "존중받는다는 느낌",
                nameEn: "Feeling valued and recognised",
                kind: "EMOTIONAL",
                dimension: "MARKETING_COMMUNICATION",
              },
            ],
          },
        ],
      },
      // 22
      {
        nameKo: "요금제 변경",
        nameEn: "Changing plans",
        touchpoints: [
          {
            nameKo: "요금제 변경 상담",
            nameEn: "Discussing a plan change",
            channel: "PHONE",
            dimension: "FRONTLINE_STAFF",
          },
          {
            nameKo: "사용량에 맞춘 요금제 제안 받기",
            nameEn: "Getting a usage-based plan suggestion",
            channel: "EMAIL",
            dimension: "MARKETING_COMMUNICATION",
          },
          {
            nameKo: "변경 적용 시점 안내",
            nameEn: "Notice of when the change takes effect",
            channel: "OTHER",
            dimension: "MARKETING_COMMUNICATION",
          },
          {
            nameKo: "변경 후 요금 확인",
            nameEn: "Checking charges after the change",
            channel: "WEB",
            dimension: "PRODUCT_SERVICE",
          },
        ],
      },
      // 23
      {
        nameKo: "기기변경",
        nameEn: "Handset upgrade",
        touchpoints: [
          {
            nameKo: "기기변경 대상 안내 받기",
            nameEn: "Being told I am eligible for an upgrade",
            channel: "OTHER",
            dimension: "MARKETING_COMMUNICATION",
          },
          {
            nameKo: "신규 가입자와 기기변경 혜택 비교",
            nameEn: "Comparing upgrade offers with new-subscriber deals",
            description:
              "기존 고객이 신규 가입자보다 불리한 조건을 받는다고 느끼면 번호이동으로 떠나 버린다.",
            channel: "IN_PERSON",
            dimension: "PRODUCT_SERVICE",
            isMoT: true,
            drivers: [
              {
                nameKo: "기존 고객 혜택의 경쟁력",
                nameEn: "Competitiveness of offers for existing customers",
                kind: "RATIONAL",
                dimension: "PRODUCT_SERVICE",
              },
              {
                nameKo: "오래 쓴 만큼 공정하게 대우받는 느낌",
                nameEn: "Feeling my loyalty is treated fairly",
                kind: "EMOTIONAL",
                dimension: "MARKETING_COMMUNICATION",
              },
            ],
          },
          {
            nameKo: "쓰던 단말기 보상 반납",
            nameEn: "Trading in my old handset",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
          },
          {
            nameKo: "새 단말기 개통 확인",
            nameEn: "Confirming service on the new handset",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
          },
        ],
      },
      // 24
      {
        nameKo: "불만 제기",
        nameEn: "Raising a complaint",
        touchpoints: [
          {
            nameKo: "불만 접수",
            nameEn: "Lodging a complaint",
            channel: "PHONE",
            dimension: "FRONTLINE_STAFF",
          },
          {
            nameKo: "처리 진행 상황 안내",
            nameEn: "Progress updates on my complaint",
            channel: "OTHER",
            dimension: "FRONTLINE_STAFF",
          },
          {
            nameKo: "보상 방안 제시",
            nameEn: "Being offered compensation",
            channel: "PHONE",
            dimension: "FRONTLINE_STAFF",
          },
          {
            nameKo: "처리 결과 회신",
            nameEn: "Hearing the outcome of my complaint",
            description:
              "불만을 잘 해결받은 고객은 오히려 충성 고객이 되므로, 끝까지 책임지고 결과를 알려 주는 것이 중요하다.",
            channel: "PHONE",
            dimension: "FRONTLINE_STAFF",
            isMoT: true,
            drivers: [
              {
                nameKo: "약속한 기한 내 해결",
                nameEn: "Resolution within the promised time",
                kind: "RATIONAL",
                dimension: "FRONTLINE_STAFF",
              },
              {
                nameKo: "재발 방지 조치",
                nameEn: "Steps to prevent it happening again",
                kind: "RATIONAL",
                dimension: "PRODUCT_SERVICE",
              },
              {
                nameKo: "진심 어린 사과",
                nameEn: "A sincere apology",
                kind: "EMOTIONAL",
                dimension: "FRONTLINE_STAFF",
              },
            ],
          },
        ],
      },
      // 25
      {
        nameKo: "약정 만료와 재약정",
        nameEn: "Contract expiry and renewal",
        touchpoints: [
          {
            nameKo: "약정 만료 사전 안내",
            nameEn: "Advance notice of contract expiry",
            channel: "OTHER",
            dimension: "MARKETING_COMMUNICATION",
          },
          {
            nameKo: "재약정 혜택 제안 받기",
            nameEn: "Receiving a renewal offer",
            description:
              "약정이 끝나 언제든 떠날 수 있게 된 시점이라, 이때 받는 제안이 잔류 여부를 결정한다.",
            channel: "PHONE",
            dimension: "MARKETING_COMMUNICATION",
            isMoT: true,
            drivers: [
              {
                nameKo: "재약정 할인 조건",
                nameEn: "Renewal discount terms",
                kind: "RATIONAL",
                dimension: "PRODUCT_SERVICE",
              },
              {
                nameKo: "회사가 먼저 챙겨 준다는 느낌",
                nameEn: "Feeling proactively looked after",
                kind: "EMOTIONAL",
                dimension: "MARKETING_COMMUNICATION",
              },
            ],
          },
          {
            nameKo: "재약정 조건 상담",
            nameEn: "Discussing renewal terms",
            channel: "PHONE",
            dimension: "FRONTLINE_STAFF",
          },
          {
            nameKo: "재약정 확정",
            nameEn: "Confirming the renewal",
            channel: "WEB",
            dimension: "PRODUCT_SERVICE",
          },
        ],
      },
      // 26
      {
        nameKo: "해지 신청",
        nameEn: "Requesting termination",
        touchpoints: [
          {
            nameKo: "해지 방법 알아보기",
            nameEn: "Finding out how to cancel",
            channel: "WEB",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "해지하려고 고객센터에 전화",
            nameEn: "Calling the customer centre to cancel",
            channel: "PHONE",
            dimension: "FRONTLINE_STAFF",
          },
          {
            nameKo: "해지 사유 말하기",
            nameEn: "Explaining why I am leaving",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
          },
          {
            nameKo: "위약금과 잔여 할부금 안내",
            nameEn: "Being told the early-termination fee and remaining instalments",
            description:
              "예상하지 못한 위약금은 떠나는 고객에게 마지막이자 가장 오래 남는 나쁜 기억이 된다.",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
            isMoT: true,
            drivers: [
              {
                nameKo: "위약금 산정의 투명성",
                nameEn: "Transparency of the fee calculation",
                kind: "RATIONAL",
                dimension: "FRONTLINE_STAFF",
              },
              {
                nameKo: "가입 때 설명과의 일관성",
                nameEn: "Consistency with what I was told at sign-up",
                kind: "RATIONAL",
                dimension: "PRODUCT_SERVICE",
              },
              {
                nameKo: "존중받으며 떠나는 느낌",
                nameEn: "Being let go with respect",
                kind: "EMOTIONAL",
                dimension: "FRONTLINE_STAFF",
              },
            ],
          },
          {
            nameKo: "본인 확인 후 해지 접수",
            nameEn: "Identity check and filing the request",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
          },
        ],
      },
      // 27
      {
        nameKo: "해지 방어",
        nameEn: "Retention offer",
        touchpoints: [
          {
            nameKo: "해지 방어 상담",
            nameEn: "Retention conversation",
            description:
              "떠나려는 고객을 붙잡을 마지막 기회이자, 집요한 만류가 오히려 반감을 키우는 순간이다.",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
            isMoT: true,
            drivers: [
              {
                nameKo: "해지 사유에 맞춘 제안",
                nameEn: "An offer that addresses my reason for leaving",
                kind: "RATIONAL",
                dimension: "PRODUCT_SERVICE",
              },
              {
                nameKo: "강요하지 않는 태도",
                nameEn: "No pressure from staff",
                kind: "EMOTIONAL",
                dimension: "FRONTLINE_STAFF",
              },
            ],
          },
          {
            nameKo: "남으면 받을 요금 할인 제시",
            nameEn: "Discount offered if I stay",
            channel: "IN_PERSON",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "제안을 검토하고 결정하기",
            nameEn: "Weighing the offer and deciding",
            channel: "OTHER",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "해지 처리 완료",
            nameEn: "Termination processed",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
          },
        ],
      },
      // 28
      {
        nameKo: "최종 요금 정산",
        nameEn: "Final bill and settlement",
        touchpoints: [
          {
            nameKo: "최종 청구서 받기",
            nameEn: "Receiving the final bill",
            channel: "MAIL",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "위약금·잔여 할부금 납부",
            nameEn: "Paying the termination fee and remaining instalments",
            channel: "OTHER",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "남은 포인트 소멸 안내",
            nameEn: "Notice that remaining points expire",
            channel: "OTHER",
            dimension: "MARKETING_COMMUNICATION",
          },
          {
            nameKo: "자동이체 중단 확인",
            nameEn: "Confirming the direct debit has stopped",
            channel: "OTHER",
            dimension: "PRODUCT_SERVICE",
          },
        ],
      },
      // 29
      {
        nameKo: "해지 이후",
        nameEn: "After termination",
        touchpoints: [
          {
            nameKo: "해지 확인서 받기",
            nameEn: "Receiving a termination confirmation",
            channel: "MAIL",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "번호 보관 기간과 번호 반납",
            nameEn: "Number hold period and release",
            channel: "OTHER",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "보증금·과납금 환급",
            nameEn: "Refund of deposit and overpayments",
            description:
              "떠난 고객에게 돈을 제때 정확히 돌려주는지가 회사에 대한 마지막 인상과 재가입 의향을 결정한다.",
            channel: "OTHER",
            dimension: "PRODUCT_SERVICE",
            isMoT: true,
            drivers: [
              {
                nameKo: "환급 금액과 시점의 정확성",
                nameEn: "Accurate and timely refund",
                kind: "RATIONAL",
                dimension: "PRODUCT_SERVICE",
              },
              {
                nameKo: "끝까지 정직하다는 믿음",
                nameEn: "Trust that the company is honest to the end",
                kind: "EMOTIONAL",
                dimension: "MARKETING_COMMUNICATION",
              },
            ],
          },
          {
            nameKo: "재가입 권유 연락",
            nameEn: "Win-back offer",
            channel: "PHONE",
            dimension: "MARKETING_COMMUNICATION",
          },
          {
            nameKo: "개인정보 파기 안내",
            nameEn: "Notice that my personal data has been deleted",
            channel: "EMAIL",
            dimension: "MARKETING_COMMUNICATION",
          },
        ],
      },
    ],
  },
};
