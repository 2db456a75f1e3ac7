import type { TJourneyTemplateInput } from "./types";

// Virgin Atlantic: the flight experience split into about 50 steps, from booking to the
// flight itself (seed 001, case 5). Step names are ours; the case facts are the seed's.
export const virginAtlanticAirline: TJourneyTemplateInput = {
  key: "virgin-atlantic-airline",
  companyKo: "버진 아틀란틱",
  companyEn: "Virgin Atlantic",
  industryKo: "항공",
  industryEn: "Airline",
  caseKo:
    "버진 아틀란틱은 고객의 비행 경험을 항공기 예약에서 실제 비행까지 총 50여 단계로 나눴다. Upper class, 프리미엄 이코노미석 등 고객의 욕구에 맞춘 디자인을 도입하고, 긴 비행시간으로 인한 따분함을 덜기 위해 기내에 쌍방향 오락 시스템, 마사지 등 엔터테인먼트 요소를 보강했다. “값어치 있는, 품질이 있는, 웃음이 있는, 혁신이 있는” 고객 가치 서비스를 추구했다.",
  caseEn:
    "Virgin Atlantic split the customer's flight experience into about 50 steps, from booking to the flight itself. It designed around customer needs, for example Upper Class and premium economy seats, and added interactive in-flight entertainment and massages to relieve the boredom of long flights. It pursued a customer-value service that is worth the money, high in quality, full of laughter and innovative.",
  /** The journey description in English (journey.description is the Korean one). */
  descriptionEn:
    "The journey from booking to flight and arrival, split into 50 steps. The moments Virgin Atlantic invested in — seat classes, in-flight entertainment and massages against long-haul boredom — are marked as MOTs.",
  outcomes: [
    { labelKo: "설립 연도", labelEn: "Founded", value: "1984" },
    { labelKo: "영국 내 항공사 규모 순위", labelEn: "Size rank among UK airlines", value: "#2" },
    {
      labelKo: "취항 중인 전 세계 주요 도시",
      labelEn: "Major cities served worldwide",
      value: "26",
    },
  ],
  source: "001_f80fbe14b8563237.txt",
  journey: {
    nameKo: "항공 여행 여정 (버진 아틀란틱 사례)",
    nameEn: "Air travel journey (Virgin Atlantic case)",
    description:
      "항공권 예약부터 비행과 도착까지 50단계로 나눈 여정. 좌석 등급 설계, 긴 비행의 따분함을 덜어 주는 기내 엔터테인먼트와 마사지처럼 버진 아틀란틱이 공들인 순간을 MOT로 표시했다.",
    stages: [
      {
        nameKo: "여행 구상·예약",
        nameEn: "Inspiration and booking",
        touchpoints: [
          {
            nameKo: "브랜드 캠페인 접촉",
            nameEn: "Seeing a Virgin Atlantic campaign",
            channel: "SNS",
            dimension: "MARKETING_COMMUNICATION",
          },
          {
            nameKo: "항공권 가격 비교",
            nameEn: "Comparing fares",
            channel: "WEB",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "웹사이트 항공편 검색",
            nameEn: "Searching flights on the website",
            channel: "WEB",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "좌석 등급 비교·선택",
            nameEn: "Choosing between Upper Class, Premium and Economy",
            description: "고객 욕구에 맞춰 설계한 좌석 등급이 고객에게 처음 비교되는 순간이다.",
            channel: "WEB",
            dimension: "PRODUCT_SERVICE",
            isMoT: true,
            drivers: [
              {
                nameKo: "등급별 혜택 안내의 명확성",
                nameEn: "Clarity of what each cabin offers",
                kind: "RATIONAL",
                dimension: "MARKETING_COMMUNICATION",
              },
              {
                nameKo: "가격 대비 가치",
                nameEn: "Value for money of the fare",
                kind: "RATIONAL",
                dimension: "PRODUCT_SERVICE",
              },
              {
                nameKo: "여행에 대한 설렘",
                nameEn: "Excitement about the trip ahead",
                kind: "EMOTIONAL",
                dimension: "MARKETING_COMMUNICATION",
              },
            ],
          },
          {
            nameKo: "예약센터 전화 상담",
            nameEn: "Calling reservations",
            channel: "PHONE",
            dimension: "FRONTLINE_STAFF",
          },
          {
            nameKo: "탑승객 정보 입력",
            nameEn: "Entering passenger details",
            channel: "WEB",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "항공권 결제",
            nameEn: "Paying for the ticket",
            channel: "WEB",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "전자항공권 메일 수신",
            nameEn: "Receiving the e-ticket",
            channel: "EMAIL",
            dimension: "MARKETING_COMMUNICATION",
          },
        ],
      },
      {
        nameKo: "출발 전 준비",
        nameEn: "Before travel",
        touchpoints: [
          {
            nameKo: "사전 좌석 지정",
            nameEn: "Picking a seat in advance",
            channel: "APP",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "특별 기내식 신청",
            nameEn: "Requesting a special meal",
            channel: "WEB",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "좌석 업그레이드 제안 수신",
            nameEn: "Getting an upgrade offer",
            channel: "EMAIL",
            dimension: "MARKETING_COMMUNICATION",
          },
          {
            nameKo: "출발 전 안내 메일 수신",
            nameEn: "Receiving the pre-departure email",
            channel: "EMAIL",
            dimension: "MARKETING_COMMUNICATION",
          },
          {
            nameKo: "온라인 체크인",
            nameEn: "Checking in online",
            channel: "APP",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "운항 지연·변경 알림 수신",
            nameEn: "Getting a delay or schedule-change alert",
            description: "일정이 틀어지는 순간 얼마나 빨리, 솔직하게 알려 주느냐가 신뢰를 가른다.",
            channel: "APP",
            dimension: "MARKETING_COMMUNICATION",
            isMoT: true,
            drivers: [
              {
                nameKo: "알림의 신속성·정확성",
                nameEn: "Speed and accuracy of the alert",
                kind: "RATIONAL",
                dimension: "MARKETING_COMMUNICATION",
              },
              {
                nameKo: "대안 안내로 얻는 안심",
                nameEn: "Reassurance from clear next steps",
                kind: "EMOTIONAL",
                dimension: "MARKETING_COMMUNICATION",
              },
            ],
          },
        ],
      },
      {
        nameKo: "공항 가는 길",
        nameEn: "Getting to the airport",
        touchpoints: [
          {
            nameKo: "공항 교통편 안내 확인",
            nameEn: "Checking how to get to the airport",
            channel: "WEB",
            dimension: "MARKETING_COMMUNICATION",
          },
          {
            nameKo: "Upper Class 리무진 픽업",
            nameEn: "Chauffeur pick-up for Upper Class",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
          },
          {
            nameKo: "터미널 도착",
            nameEn: "Arriving at the terminal",
            channel: "IN_PERSON",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "체크인 구역 찾기",
            nameEn: "Finding the Virgin Atlantic check-in area",
            channel: "IN_PERSON",
            dimension: "MARKETING_COMMUNICATION",
          },
        ],
      },
      {
        nameKo: "체크인·수하물",
        nameEn: "Check-in and bags",
        touchpoints: [
          {
            nameKo: "키오스크 셀프 체크인",
            nameEn: "Checking in at a kiosk",
            channel: "KIOSK",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "체크인 카운터 대기",
            nameEn: "Queuing at the check-in desk",
            channel: "IN_PERSON",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "체크인 직원 응대",
            nameEn: "Welcome from the check-in agent",
            description: "직원을 처음 마주하는 자리에서 '웃음이 있는' 서비스를 처음 느낀다.",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
            isMoT: true,
            drivers: [
              {
                nameKo: "체크인 처리 속도",
                nameEn: "Check-in speed",
                kind: "RATIONAL",
                dimension: "FRONTLINE_STAFF",
              },
              {
                nameKo: "직원의 미소와 유쾌함",
                nameEn: "Agent's warmth and good humour",
                kind: "EMOTIONAL",
                dimension: "FRONTLINE_STAFF",
              },
            ],
          },
          {
            nameKo: "수하물 위탁",
            nameEn: "Dropping off checked bags",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
          },
          {
            nameKo: "탑승권 수령",
            nameEn: "Getting the boarding pass",
            channel: "IN_PERSON",
            dimension: "PRODUCT_SERVICE",
          },
        ],
      },
      {
        nameKo: "보안검색·출국",
        nameEn: "Security and passport control",
        touchpoints: [
          {
            nameKo: "보안검색 통과",
            nameEn: "Going through security",
            channel: "IN_PERSON",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "출국 심사",
            nameEn: "Passport control",
            channel: "IN_PERSON",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "라운지·탑승구 위치 안내 확인",
            nameEn: "Checking directions to the lounge and gate",
            channel: "APP",
            dimension: "MARKETING_COMMUNICATION",
          },
        ],
      },
      {
        nameKo: "라운지",
        nameEn: "Lounge",
        touchpoints: [
          {
            nameKo: "라운지 입장",
            nameEn: "Entering the lounge",
            description: "Upper Class 고객이 등급에 맞는 대우를 처음 몸으로 느끼는 곳이다.",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
            isMoT: true,
            drivers: [
              {
                nameKo: "입장 절차의 간편함",
                nameEn: "Ease of getting in",
                kind: "RATIONAL",
                dimension: "FRONTLINE_STAFF",
              },
              {
                nameKo: "특별히 대접받는 느낌",
                nameEn: "Feeling specially looked after",
                kind: "EMOTIONAL",
                dimension: "PRODUCT_SERVICE",
              },
            ],
          },
          {
            nameKo: "라운지 식음료 이용",
            nameEn: "Food and drinks in the lounge",
            channel: "IN_PERSON",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "라운지 스파 트리트먼트",
            nameEn: "Spa treatment in the lounge",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
          },
          {
            nameKo: "라운지 휴식·업무 공간 이용",
            nameEn: "Relaxing or working in the lounge",
            channel: "IN_PERSON",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "라운지 탑승 안내",
            nameEn: "Called for boarding from the lounge",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
          },
        ],
      },
      {
        nameKo: "탑승",
        nameEn: "Boarding",
        touchpoints: [
          {
            nameKo: "탑승구 대기",
            nameEn: "Waiting at the gate",
            channel: "IN_PERSON",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "우선 탑승",
            nameEn: "Priority boarding",
            channel: "IN_PERSON",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "승무원 환영 인사",
            nameEn: "Welcome aboard from the cabin crew",
            description: "기내에서의 첫 몇 초가 긴 비행 전체의 분위기를 정한다.",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
            isMoT: true,
            drivers: [
              {
                nameKo: "좌석·짐 보관 안내의 신속함",
                nameEn: "Prompt help with the seat and overhead space",
                kind: "RATIONAL",
                dimension: "FRONTLINE_STAFF",
              },
              {
                nameKo: "승무원의 진심 어린 환영",
                nameEn: "Sincerity of the crew's welcome",
                kind: "EMOTIONAL",
                dimension: "FRONTLINE_STAFF",
              },
            ],
          },
          {
            nameKo: "좌석 찾기·짐 보관",
            nameEn: "Finding my seat and stowing bags",
            channel: "IN_PERSON",
            dimension: "PRODUCT_SERVICE",
          },
        ],
      },
      {
        nameKo: "기내",
        nameEn: "In flight",
        touchpoints: [
          {
            nameKo: "좌석 착석·편안함",
            nameEn: "Settling into the seat",
            description: "고객 욕구에 맞춘 좌석 설계를 실제로 체감하는 순간이다.",
            channel: "IN_PERSON",
            dimension: "PRODUCT_SERVICE",
            isMoT: true,
            drivers: [
              {
                nameKo: "좌석 공간과 편안함",
                nameEn: "Seat space and comfort",
                kind: "RATIONAL",
                dimension: "PRODUCT_SERVICE",
              },
              {
                nameKo: "객실 분위기와 디자인",
                nameEn: "Cabin mood and design",
                kind: "EMOTIONAL",
                dimension: "PRODUCT_SERVICE",
              },
            ],
          },
          {
            nameKo: "안전 안내 영상 시청",
            nameEn: "Watching the safety video",
            channel: "IN_PERSON",
            dimension: "MARKETING_COMMUNICATION",
          },
          {
            nameKo: "이륙",
            nameEn: "Take-off",
            channel: "IN_PERSON",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "음료 서비스",
            nameEn: "Drinks service",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
          },
          {
            nameKo: "기내식 서비스",
            nameEn: "Meal service",
            description: "긴 비행에서 식사는 가장 기다려지면서도 가장 쉽게 실망하는 순간이다.",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
            isMoT: true,
            drivers: [
              {
                nameKo: "식사 품질과 선택 폭",
                nameEn: "Meal quality and choice",
                kind: "RATIONAL",
                dimension: "PRODUCT_SERVICE",
              },
              {
                nameKo: "서비스 타이밍",
                nameEn: "Timing of the service",
                kind: "RATIONAL",
                dimension: "FRONTLINE_STAFF",
              },
              {
                nameKo: "승무원의 친절한 서빙",
                nameEn: "Friendliness of the crew while serving",
                kind: "EMOTIONAL",
                dimension: "FRONTLINE_STAFF",
              },
            ],
          },
          {
            nameKo: "쌍방향 기내 엔터테인먼트 이용",
            nameEn: "Using the interactive in-flight entertainment",
            description: "긴 비행시간의 따분함을 덜기 위해 버진 아틀란틱이 보강한 핵심 요소다.",
            channel: "IN_PERSON",
            dimension: "PRODUCT_SERVICE",
            isMoT: true,
            drivers: [
              {
                nameKo: "콘텐츠의 양과 다양성",
                nameEn: "Range of films, shows and games",
                kind: "RATIONAL",
                dimension: "PRODUCT_SERVICE",
              },
              {
                nameKo: "시스템 조작의 편리함",
                nameEn: "Ease of using the system",
                kind: "RATIONAL",
                dimension: "PRODUCT_SERVICE",
              },
              {
                nameKo: "시간 가는 줄 모르는 즐거움",
                nameEn: "Fun that makes the time fly",
                kind: "EMOTIONAL",
                dimension: "PRODUCT_SERVICE",
              },
            ],
          },
          {
            nameKo: "기내 마사지 서비스",
            nameEn: "In-flight massage",
            description:
              "긴 비행의 따분함을 덜기 위해 엔터테인먼트 요소로 더한, 버진 아틀란틱다운 경험이다.",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
            isMoT: true,
            drivers: [
              {
                nameKo: "예약·이용의 편리함",
                nameEn: "Ease of booking a treatment",
                kind: "RATIONAL",
                dimension: "FRONTLINE_STAFF",
              },
              {
                nameKo: "테라피스트의 숙련도",
                nameEn: "Therapist's skill",
                kind: "RATIONAL",
                dimension: "FRONTLINE_STAFF",
              },
              {
                nameKo: "피로가 풀리는 개운함",
                nameEn: "Feeling refreshed and relaxed",
                kind: "EMOTIONAL",
                dimension: "FRONTLINE_STAFF",
              },
            ],
          },
          {
            nameKo: "기내 바에서 어울리기",
            nameEn: "Socialising at the onboard bar",
            channel: "IN_PERSON",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "플랫베드로 수면",
            nameEn: "Sleeping in a flat bed",
            channel: "IN_PERSON",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "승무원 호출·요청",
            nameEn: "Calling the crew for help",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
          },
          {
            nameKo: "착륙 전 입국 서류 안내",
            nameEn: "Help with landing cards before arrival",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
          },
        ],
      },
      {
        nameKo: "도착·여행 후",
        nameEn: "Arrival and after the flight",
        touchpoints: [
          {
            nameKo: "하기 시 승무원 작별 인사",
            nameEn: "Crew farewell at the door",
            channel: "IN_PERSON",
            dimension: "FRONTLINE_STAFF",
          },
          {
            nameKo: "입국 심사 패스트트랙",
            nameEn: "Fast track through immigration",
            channel: "IN_PERSON",
            dimension: "PRODUCT_SERVICE",
          },
          {
            nameKo: "수하물 찾기",
            nameEn: "Collecting bags at the carousel",
            description: "짐이 늦거나 사라지면 좋았던 비행의 기억이 한순간에 지워진다.",
            channel: "IN_PERSON",
            dimension: "PRODUCT_SERVICE",
            isMoT: true,
            drivers: [
              {
                nameKo: "수하물 대기 시간",
                nameEn: "Wait at the carousel",
                kind: "RATIONAL",
                dimension: "PRODUCT_SERVICE",
              },
              {
                nameKo: "짐이 무사히 도착했다는 안도감",
                nameEn: "Relief that the bag arrived safely",
                kind: "EMOTIONAL",
                dimension: "PRODUCT_SERVICE",
              },
            ],
          },
          {
            nameKo: "비행 후 만족도 설문 응답",
            nameEn: "Answering the post-flight survey",
            channel: "EMAIL",
            dimension: "MARKETING_COMMUNICATION",
          },
        ],
      },
    ],
  },
};
